package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A webhook event as Partner Center posts it (pc-webhooks.md §2): a hint naming the resource, never the referral
 * itself, and no event id. The body is built once, so the bytes signed are the bytes sent, on every attempt and resend.
 *
 * @param referralId the last segment of ResourceUri
 * @param correlationId the validationEvents id of a {@code test-created} event, else {@code null}
 */
record WebhookEvent(String eventName, String referralId, byte[] body, String correlationId) {

    /** The classic host Partner Center names resources on, not the host the Referrals API is called at. */
    static final String RESOURCE_HOST = "https://api.partnercenter.microsoft.com";

    /** Partner Center's sample shape, 2018-02-17T00:05:39.5485487+00:00: seven digits and a numeric offset. */
    private static final DateTimeFormatter CHANGE_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx").withZone(ZoneOffset.UTC);

    /** A referral event; {@code changedAt} is the referral's updatedDateTime. */
    static WebhookEvent referral(String eventName, String referralId, Instant changedAt) {
        String uri = RESOURCE_HOST + "/engagements/v1/referrals/" + referralId;
        return new WebhookEvent(eventName, referralId, body(eventName, uri, "referral", changedAt), null);
    }

    /**
     * The test event as partner-center-webhook-events documents it: ResourceUri is the validationEvents resource and
     * ResourceName is "test", so a receiver that fetches every referral it hears of must not treat it as one.
     */
    static WebhookEvent test(String correlationId, Instant at) {
        String uri = RESOURCE_HOST + "/webhooks/v1/registration/validationEvents/" + correlationId;
        return new WebhookEvent(
                WebhookRegistration.TEST_EVENT,
                correlationId,
                body(WebhookRegistration.TEST_EVENT, uri, "test", at),
                correlationId);
    }

    static String changeDate(Instant at) {
        // .NET ticks are 100 ns; never finer digits than the real service shows.
        Instant ticks = at.truncatedTo(ChronoUnit.MICROS).plusNanos((at.getNano() % 1000) / 100 * 100);
        return CHANGE_DATE.format(ticks);
    }

    private static byte[] body(String eventName, String resourceUri, String resourceName, Instant at) {
        ObjectNode o = Json.object()
                .put("EventName", eventName)
                .put("ResourceUri", resourceUri)
                .put("ResourceName", resourceName)
                .putNull("AuditUri")
                .put("ResourceChangeUtcDate", changeDate(at));
        return Json.bytes(o);
    }
}
