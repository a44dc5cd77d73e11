package io.hunterreferrals.core.sync;

import java.util.Optional;

/** Driven port: where referrals come from (Partner Center in production). */
public interface ReferralSource {

    /**
     * Starts reading the referrals that match {@code query}, one page at a time, so memory stays bounded. Failures are
     * {@link ReferralSourceException}s; a source never reports a failure as an empty result.
     */
    PageCursor open(SourceQuery query);

    /**
     * Reads pages lazily; each call may go to the network. The sync calls {@link #nextPage()} from a thread of its own,
     * one call at a time (each ordered after the previous one returned), so a cursor need not be thread-safe; it may
     * interrupt a call whose page it no longer needs, and closes the cursor only after that call has returned.
     */
    interface PageCursor extends AutoCloseable {

        /** The next page, or empty when there are no more. */
        Optional<SourcePage> nextPage();

        @Override
        default void close() {}
    }
}
