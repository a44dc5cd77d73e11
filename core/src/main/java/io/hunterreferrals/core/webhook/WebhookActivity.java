package io.hunterreferrals.core.webhook;

import java.time.Instant;
import java.util.Optional;

/**
 * What the webhook path has done lately, for {@code /healthz} and {@code hunter webhooks status}.
 *
 * @param lastReceived the newest call accepted (test events included)
 * @param lastEvent its event
 * @param lastTestReceived the newest {@code test-created} event received
 * @param pending hints waiting to be applied
 * @param gaveUp hints the worker stopped trying (the scheduled sync reads those referrals anyway)
 */
public record WebhookActivity(
        Optional<Instant> lastReceived,
        Optional<HintEvent> lastEvent,
        Optional<Instant> lastTestReceived,
        long pending,
        long gaveUp) {

    public static final WebhookActivity NONE =
            new WebhookActivity(Optional.empty(), Optional.empty(), Optional.empty(), 0, 0);
}
