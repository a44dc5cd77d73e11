package io.hunterreferrals.core.query;

import io.hunterreferrals.core.referral.RawPayload;
import io.hunterreferrals.core.sync.SyncRunId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the sync quarantine: a referral that failed on its content, as last met.
 *
 * @param key what identifies it across runs (see {@code FailedReferral.key()})
 * @param lastRun the run that last met it
 * @param page where that run met it: the page (1 = first)
 * @param position and the place on the page (1 = first)
 * @param updatedDateTime its {@code updatedDateTime} exactly as sent, if any
 * @param payload the referral exactly as sent (personal data)
 * @param timesSeen how many times a run met it failing
 */
public record QuarantinedReferral(
        String key,
        Optional<String> referralId,
        String reason,
        SyncRunId lastRun,
        int page,
        int position,
        Optional<String> updatedDateTime,
        RawPayload payload,
        Instant firstSeenAt,
        Instant lastSeenAt,
        int timesSeen) {

    public QuarantinedReferral {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(lastRun, "lastRun");
        Objects.requireNonNull(updatedDateTime, "updatedDateTime");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }
}
