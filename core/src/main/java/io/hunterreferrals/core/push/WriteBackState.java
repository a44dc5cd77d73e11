package io.hunterreferrals.core.push;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the last write-back of a referral's lead id to Partner Center did ({@link ReferralWriteBack}), as the push-state
 * store keeps it. It belongs to the lead id of the {@link PushState} it is part of: a new lead starts without one.
 *
 * @param status written, refused, or failed
 * @param at when it was tried
 * @param errorCode why it was not written, if it was not
 * @param error Partner Center's message for it (with its request id), if it was not written
 */
public record WriteBackState(WriteBackStatus status, Instant at, Optional<String> errorCode, Optional<String> error) {

    public WriteBackState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(error, "error");
        if ((status == WriteBackStatus.WRITTEN) == errorCode.isPresent()) {
            throw new IllegalArgumentException("A write-back has an error code exactly when it was not written");
        }
    }

    public static WriteBackState written(Instant at) {
        return new WriteBackState(WriteBackStatus.WRITTEN, at, Optional.empty(), Optional.empty());
    }

    public static WriteBackState notWritten(WriteBackStatus status, String code, String message, Instant at) {
        return new WriteBackState(status, at, Optional.of(code), Optional.of(message));
    }

    /** The outcome of a write-back. */
    public enum WriteBackStatus {
        /** Partner Center holds the lead id. */
        WRITTEN("written"),
        /** Partner Center said no for this referral: tried again when the referral's lead is next written. */
        REFUSED("refused"),
        /** Partner Center could not be asked, or the referral had changed: the next push tries again. */
        FAILED("failed");

        private final String code;

        WriteBackStatus(String code) {
            this.code = code;
        }

        /** The stored and shown code. */
        public String code() {
            return code;
        }

        public static WriteBackStatus fromCode(String code) {
            for (WriteBackStatus status : values()) {
                if (status.code.equals(code)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("Unknown write-back status '" + code + "'");
        }
    }
}
