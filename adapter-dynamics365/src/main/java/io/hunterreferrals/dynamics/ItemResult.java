package io.hunterreferrals.dynamics;

import io.hunterreferrals.core.push.LeadWrite;
import java.time.Duration;
import java.util.Optional;

/** What one operation's answer in a {@code $batch} response comes to, before the batch is done. */
sealed interface ItemResult {

    /** Final: created, updated or refused. */
    record Done(LeadWrite write) implements ItemResult {}

    /**
     * Worth sending again in a follow-up batch: throttled, a transient server error, or a create that raced another
     * (the retry then updates).
     */
    record Retry(WebApiResponse response, boolean throttled, Optional<Duration> retryAfter) implements ItemResult {}

    /** Written, but the answer named no lead id (204 with a key URL): read it by key. */
    record NeedsLeadId() implements ItemResult {}
}
