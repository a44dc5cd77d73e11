package io.hunterreferrals.simulator;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The tenant's one webhook registration (pc-webhooks.md §1: one URL for all events, one registration per tenant).
 *
 * @param subscriberId the simulator uses the tenant id (what Partner Center puts there is UNCONFIRMED)
 * @param webhookEvents lower-case event names, in the order registered
 * @param signatureTokenToMsSignatureHeader the signature goes in {@code x-ms-signature} instead of
 *     {@code Authorization}
 * @param ownedByAnotherTool made through an admin lever "by another tool": delivered only when its URL is on this
 *     machine, so a seeded Logic App URL is never called (its deliveries are recorded as sent)
 */
public record WebhookRegistration(
        String subscriberId,
        URI webhookUrl,
        List<String> webhookEvents,
        boolean signatureTokenToMsSignatureHeader,
        Instant lastModified,
        boolean ownedByAnotherTool) {

    /**
     * Referral events Partner Center raises; the simulator raises the first two by itself (related ones on request).
     */
    public static final List<String> REFERRAL_EVENTS =
            List.of("referral-created", "referral-updated", "related-referral-created", "related-referral-updated");

    public static final String TEST_EVENT = "test-created";

    /**
     * What {@code GET /webhooks/v1/registration/events} lists: the referral events, the test event and two of Partner
     * Center's billing events, which the simulator accepts and never raises (clients must keep events they do not know
     * when they PUT).
     */
    public static final List<String> SUPPORTED_EVENTS = List.of(
            "referral-created",
            "referral-updated",
            "related-referral-created",
            "related-referral-updated",
            TEST_EVENT,
            "subscription-updated",
            "usagerecords-thresholdExceeded");

    public WebhookRegistration {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        webhookEvents = List.copyOf(webhookEvents);
        Objects.requireNonNull(lastModified, "lastModified");
    }

    public boolean listens(String eventName) {
        return webhookEvents.contains(eventName);
    }
}
