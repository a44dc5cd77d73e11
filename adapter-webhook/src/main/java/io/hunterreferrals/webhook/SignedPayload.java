package io.hunterreferrals.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hunterreferrals.core.notify.Event;
import io.hunterreferrals.core.notify.EventProblem;
import io.hunterreferrals.core.notify.FieldChange;
import io.hunterreferrals.core.notify.Notification;
import io.hunterreferrals.core.notify.ReferralFacts;
import io.hunterreferrals.core.notify.StoredEvent;

/**
 * The signed webhook's JSON, one shape for every event type (snake_case like the HTTP API; absent values are
 * {@code null}, never left out, so a receiver's schema has one form):
 *
 * <pre>{@code
 * {"id": "<event id, also the Idempotency-Key>", "type": "referral.created", "occurred_at": "2025-05-02T10:15:00Z",
 *  "sequence": 42,
 *  "referral": {"id", "type", "status", "substatus", "domain", "company_name", "deal_value", "currency"} | null,
 *  "changes": [{"field", "before", "after"}],
 *  "problem": {"code", "message", "request_id"} | null,
 *  "links": {"detail", "partner_center"}}
 * }</pre>
 *
 * {@code referral.type} is {@code co-sell}, {@code marketplace}, {@code solution-provider} or {@code null}
 * (unclassified), as the HTTP API's {@code referral_type}; {@code deal_value} is a JSON number with every digit kept.
 * Values are data here, not markup: the receiver escapes them for wherever it shows them.
 */
final class SignedPayload {

    private SignedPayload() {}

    static ObjectNode of(Notification notification) {
        StoredEvent stored = notification.event();
        Event event = stored.event();
        ObjectNode json = Json.object()
                .put("id", stored.id().toString())
                .put("type", event.type().wire())
                .put("occurred_at", stored.occurredAt().toString())
                .put("sequence", stored.sequence());
        event.referral().ifPresentOrElse(r -> json.set("referral", referral(r)), () -> json.putNull("referral"));
        ArrayNode changes = json.putArray("changes");
        for (FieldChange change : event.changes()) {
            changes.addObject()
                    .put("field", change.field())
                    .put("before", change.before())
                    .put("after", change.after());
        }
        event.problem().ifPresentOrElse(p -> json.set("problem", problem(p)), () -> json.putNull("problem"));
        ObjectNode links = json.putObject("links");
        links.put("detail", Links.detail(notification).orElse(null));
        links.put("partner_center", Links.partnerCenter(notification).orElse(null));
        return json;
    }

    private static ObjectNode referral(ReferralFacts r) {
        ObjectNode json = Json.object()
                .put("id", r.id().value())
                .put("type", r.category().code().orElse(null))
                .put("status", r.status())
                .put("substatus", r.substatus())
                .put("domain", r.domain())
                .put("company_name", r.companyName());
        if (r.dealValue() == null) {
            json.putNull("deal_value");
            json.putNull("currency");
        } else {
            json.put("deal_value", r.dealValue().amount());
            json.put("currency", r.dealValue().currency());
        }
        return json;
    }

    private static ObjectNode problem(EventProblem p) {
        return Json.object()
                .put("code", p.code())
                .put("message", p.message())
                .put("request_id", p.requestId().orElse(null));
    }
}
