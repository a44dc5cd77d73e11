package io.hunterreferrals.core.push;

import io.hunterreferrals.core.sync.ContentHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the last push did with one referral, as the push-state store keeps it.
 *
 * @param status pushed, or failed
 * @param leadId the CRM's id of the lead, once one exists (it survives a later failure)
 * @param hash the hash of the lead values last sent (successfully or not)
 * @param mappingVersion the {@link LeadMapping#VERSION} those values were made with
 * @param pushedAt when the lead last received the values, if ever
 * @param attempts failed attempts since the last success or change; 0 after a success
 * @param lastErrorCode why the last attempt failed, if it did
 * @param lastError the CRM's message for it (with its request id), if it failed
 * @param updatedAt when this state last changed
 * @param writeBack what the last write-back of {@code leadId} to Partner Center did; empty when none was tried for this
 *     lead (the write-back is off, or the lead is new)
 */
public record PushState(
        PushStatus status,
        Optional<String> leadId,
        ContentHash hash,
        int mappingVersion,
        Optional<Instant> pushedAt,
        int attempts,
        Optional<String> lastErrorCode,
        Optional<String> lastError,
        Instant updatedAt,
        Optional<WriteBackState> writeBack) {

    public PushState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(pushedAt, "pushedAt");
        Objects.requireNonNull(lastErrorCode, "lastErrorCode");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(writeBack, "writeBack");
    }

    /** The outcome of a referral's last push. */
    public enum PushStatus {
        PUSHED("pushed"),
        FAILED("failed");

        private final String code;

        PushStatus(String code) {
            this.code = code;
        }

        /** The stored and shown code. */
        public String code() {
            return code;
        }

        public static PushStatus fromCode(String code) {
            for (PushStatus status : values()) {
                if (status.code.equals(code)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("Unknown push status '" + code + "'");
        }
    }
}
