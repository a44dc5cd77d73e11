package io.hunterreferrals.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hunterreferrals.core.notify.EventView;
import io.hunterreferrals.core.push.PushRunView;
import io.hunterreferrals.core.push.PushState;
import io.hunterreferrals.core.query.LeadSummary;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.QuarantinedReferral;
import io.hunterreferrals.core.query.ReferralDetail;
import io.hunterreferrals.core.query.ReferralSummary;
import java.util.List;
import java.util.Optional;

/**
 * The API's documents for other front ends: the command line's {@code --json} prints exactly what the HTTP API answers
 * (the same records, the same {@link Json} conventions, the shapes {@code openapi.json} documents as {@code Inbox},
 * {@code ReferralDetail}, {@code LeadPage}, {@code QuarantinePage} and {@code EventList}), so a script can switch
 * between them.
 */
public final class ApiJson {

    private ApiJson() {}

    /** A page of the referral inbox ({@code GET /api/v1/partner-center/referrals}). */
    public static JsonNode referralPage(Page<ReferralSummary> page) {
        return Json.MAPPER.valueToTree(InboxJson.of(page));
    }

    /**
     * One referral ({@code GET /api/v1/partner-center/referrals/{id}}); {@code raw} only when the detail holds it.
     *
     * @param pushEnabled whether the push to Dynamics 365 is configured where this is shown
     * @param pushState what the last push did with it, if any
     */
    public static JsonNode referralDetail(ReferralDetail detail, boolean pushEnabled, Optional<PushState> pushState) {
        return Json.MAPPER.valueToTree(ReferralDetailJson.of(detail, push(pushEnabled, pushState), null));
    }

    /**
     * One referral with its notifications, as a server with an outbox answers it.
     *
     * @param notifications its latest events, newest first (the API shows {@code EventRoutes.REFERRAL_EVENTS})
     */
    public static JsonNode referralDetail(
            ReferralDetail detail, boolean pushEnabled, Optional<PushState> pushState, List<EventView> notifications) {
        return Json.MAPPER.valueToTree(
                ReferralDetailJson.of(detail, push(pushEnabled, pushState), EventJson.Event.all(notifications)));
    }

    /** Events with their deliveries, newest first ({@code GET /api/v1/events}). */
    public static JsonNode events(List<EventView> events) {
        return Json.MAPPER.valueToTree(EventJson.EventList.of(events));
    }

    private static PushJson.Referral push(boolean pushEnabled, Optional<PushState> pushState) {
        return new PushJson.Referral(
                pushEnabled, pushState.map(PushJson.State::of).orElse(null));
    }

    /** Push runs, the latest first ({@code GET /api/v1/dynamics/push/runs}). */
    public static JsonNode pushRuns(List<PushRunView> runs) {
        return Json.MAPPER.valueToTree(PushJson.RunList.of(runs));
    }

    /** A page of leads ({@code GET /api/v1/leads}). */
    public static JsonNode leadPage(Page<LeadSummary> page) {
        return Json.MAPPER.valueToTree(LeadPageJson.of(page));
    }

    /** A page of the sync quarantine ({@code GET /api/v1/partner-center/sync/failures}); payloads only when asked. */
    public static JsonNode quarantinePage(Page<QuarantinedReferral> page, boolean includePayload) {
        return Json.MAPPER.valueToTree(QuarantinePageJson.of(page, includePayload));
    }

    /** A document indented for people reading a terminal. */
    public static String pretty(JsonNode document) {
        try {
            return Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
