package io.hunterreferrals.core.webhook;

import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.SyncRunId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Driven port: the durable queue of webhook hints (PostgreSQL in production), shared by every instance. A hint is
 * stored before the webhook call is answered, so an answered call is never lost.
 */
public interface HintQueue {

    /**
     * Stores {@code hint} unless one with the same event, referral and change time is stored already (then nothing
     * changes). A {@link HintEvent#TEST_CREATED} hint is recorded as received and never claimed.
     */
    HintOffer offer(ReferralHint hint, Instant receivedAt);

    /**
     * Claims the due hints of up to {@code max} referrals, oldest first (every due hint of a chosen referral that the
     * claim reads), so that no other worker claims them until they are settled, released or {@code lease} has passed (a
     * worker that died).
     */
    List<QueuedHint> claim(int max, Instant now, Duration lease);

    /** Settles hints whose referrals a sync run read. */
    void applied(Collection<QueuedHint> hints, SyncRunId run, Instant at);

    /**
     * Releases hints to be claimed again from {@code notBefore}.
     *
     * @param failedAttempt whether a run tried them and failed (counted), or they only waited for another run
     * @param reason a short stable code, kept as the last error
     */
    void retry(Collection<QueuedHint> hints, Instant notBefore, boolean failedAttempt, String reason);

    /** Stops trying: the referral is read by the next scheduled sync anyway. */
    void giveUp(Collection<QueuedHint> hints, String reason, Instant at);

    /** Those of {@code referrals} that a webhook announced at or after {@code since}. */
    Set<ReferralId> announced(Collection<ReferralId> referrals, Instant since);

    WebhookActivity activity();

    /**
     * Deletes settled hints (and test events) received before {@code before}; a hint kept that long has done its work,
     * and duplicates that old are rare enough to apply again.
     *
     * @return how many were deleted
     */
    int purgeSettled(Instant before);
}
