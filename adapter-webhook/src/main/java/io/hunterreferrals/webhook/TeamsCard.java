package io.hunterreferrals.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.Notification;
import io.hunterreferrals.core.notify.NotificationText;
import io.hunterreferrals.core.notify.NotificationText.Fact;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A notification as a Teams Workflows message: {@code {"type":"message","attachments":[{"contentType":
 * "application/vnd.microsoft.card.adaptive","content":<AdaptiveCard 1.4>}]}}, the shape the "Post card in a chat or
 * channel" action takes from the trigger's body. The card: the title, the facts and the changes as FactSets, the footer
 * with the event id, and Action.OpenUrl buttons to the web UI and Partner Center.
 *
 * <p>Every value (titles name the company) is escaped with {@link Escape#markdown}: TextBlocks and Fact values are
 * Markdown. Values never go into a URL; the buttons carry the links core built, nothing else.
 */
final class TeamsCard {

    /** Teams shows Adaptive Cards up to 1.5 in chats and channels; 1.4 is what Workflows' examples use. */
    static final String VERSION = "1.4";

    /** A Teams message may be 28 KB; a long Partner Center message must not make the card too large to post. */
    private static final int MAX_VALUE = 1000;

    private TeamsCard() {}

    static ObjectNode message(Notification notification, NotificationText text) {
        ObjectNode message = Json.object().put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        attachment.set("content", card(notification, text));
        return message;
    }

    static ObjectNode card(Notification notification, NotificationText text) {
        ObjectNode card = Json.object()
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard")
                .put("version", VERSION);
        card.putObject("msteams").put("width", "Full");
        ArrayNode body = card.putArray("body");
        textBlock(body, text.title(notification.event().event()))
                .put("size", "Medium")
                .put("weight", "Bolder")
                .put("style", "heading");
        if (notification.type() == EventType.TEST) {
            textBlock(body, text.testMessage());
        }
        List<Fact> facts = new ArrayList<>(text.facts(notification.event().event()));
        facts.add(new Fact(text.occurredAt(), text.dateTime(notification.event().occurredAt(), ZoneOffset.UTC)));
        factSet(body, facts);
        List<Fact> changes = text.changes(notification.event().event());
        if (!changes.isEmpty()) {
            textBlock(body, text.changes()).put("weight", "Bolder");
            factSet(body, changes);
        }
        textBlock(
                        body,
                        text.footer() + " " + text.eventId() + ": "
                                + notification.event().id())
                .put("size", "Small")
                .put("isSubtle", true);
        ArrayNode actions = Json.array();
        Links.detail(notification).ifPresent(url -> openUrl(actions, text.openInHunter(), url));
        Links.partnerCenter(notification).ifPresent(url -> openUrl(actions, text.openInPartnerCenter(), url));
        if (!actions.isEmpty()) {
            card.set("actions", actions);
        }
        return card;
    }

    private static ObjectNode textBlock(ArrayNode body, String value) {
        return body.addObject()
                .put("type", "TextBlock")
                .put("text", Escape.clip(Escape.markdown(value), MAX_VALUE))
                .put("wrap", true);
    }

    private static void factSet(ArrayNode body, List<Fact> facts) {
        ArrayNode items = body.addObject().put("type", "FactSet").putArray("facts");
        for (Fact fact : facts) {
            items.addObject()
                    .put("title", Escape.markdown(fact.label()))
                    .put("value", Escape.clip(Escape.markdown(fact.value()), MAX_VALUE));
        }
    }

    private static void openUrl(ArrayNode actions, String title, String url) {
        actions.addObject().put("type", "Action.OpenUrl").put("title", title).put("url", url);
    }
}
