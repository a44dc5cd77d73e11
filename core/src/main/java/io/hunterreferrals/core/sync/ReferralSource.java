package io.hunterreferrals.core.sync;

import java.util.Optional;

/** Driven port: where referrals come from (Partner Center in production). */
public interface ReferralSource {

    /**
     * Starts reading the referrals that match {@code query}, one page at a time, so memory stays bounded. Failures are
     * {@link ReferralSourceException}s; a source never reports a failure as an empty result.
     */
    PageCursor open(SourceQuery query);

    /** Reads pages lazily; each call may go to the network. */
    interface PageCursor extends AutoCloseable {

        /** The next page, or empty when there are no more. */
        Optional<SourcePage> nextPage();

        @Override
        default void close() {}
    }
}
