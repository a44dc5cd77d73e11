package io.hunterreferrals.core.push;

import io.hunterreferrals.core.referral.ReferralId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a push run is asked to do.
 *
 * @param trigger who asked
 * @param dryRun map and count, write nothing anywhere
 * @param referral only this referral, pushed even when unchanged (an operator asked for it by name)
 */
public record PushRequest(PushTrigger trigger, boolean dryRun, Optional<ReferralId> referral) {

    public PushRequest {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(referral, "referral");
    }

    public static PushRequest of(PushTrigger trigger) {
        return new PushRequest(trigger, false, Optional.empty());
    }

    public PushRequest asDryRun() {
        return new PushRequest(trigger, true, referral);
    }

    public PushRequest only(ReferralId id) {
        return new PushRequest(trigger, dryRun, Optional.of(id));
    }

    /** Who started a push run. */
    public enum PushTrigger {
        /** Right after a successful sync, by the worker. */
        AFTER_SYNC("after_sync"),
        /** The API (the UI's button, or a script). */
        MANUAL("manual"),
        /** {@code hunter dynamics push}. */
        CLI("cli");

        private final String code;

        PushTrigger(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static PushTrigger fromCode(String code) {
            for (PushTrigger trigger : values()) {
                if (trigger.code.equals(code)) {
                    return trigger;
                }
            }
            throw new IllegalArgumentException("Unknown push trigger '" + code + "'");
        }
    }
}
