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
import java.util.stream.Collectors;

/**
 * A notification as a Slack message: {@code text} (the notification's and screen readers' fallback) and Block Kit
 * {@code blocks}: a header, the facts as section fields, the changes, buttons to the web UI and Partner Center, and a
 * context line with the footer and the event id.
 *
 * <p>The header and button captions are {@code plain_text}, which Slack never parses. Everything in {@code mrkdwn} is
 * escaped with {@link Escape#mrkdwn}, so no value can form a link or a mention; values never go into a URL.
 */
final class SlackBlocks {

    // Block Kit's limits: a header 150 characters, a field 2,000, a section's text 3,000, a button's text 75.
    private static final int HEADER_MAX = 150;
    private static final int FIELD_MAX = 2000;
    private static final int SECTION_MAX = 3000;
    private static final int BUTTON_MAX = 75;
    private static final int FIELDS_PER_SECTION = 10;

    private SlackBlocks() {}

    static ObjectNode message(Notification notification, NotificationText text) {
        String title = text.title(notification.event().event());
        ObjectNode message = Json.object().put("text", Escape.clip(Escape.mrkdwn(title), SECTION_MAX));
        ArrayNode blocks = message.putArray("blocks");
        plain(blocks.addObject().put("type", "header"), Escape.clip(Escape.oneLine(title), HEADER_MAX));
        if (notification.type() == EventType.TEST) {
            section(blocks, Escape.mrkdwn(text.testMessage()));
        }
        List<Fact> facts = new ArrayList<>(text.facts(notification.event().event()));
        facts.add(new Fact(text.occurredAt(), text.dateTime(notification.event().occurredAt(), ZoneOffset.UTC)));
        for (int from = 0; from < facts.size(); from += FIELDS_PER_SECTION) {
            ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
            for (Fact fact : facts.subList(from, Math.min(from + FIELDS_PER_SECTION, facts.size()))) {
                mrkdwn(fields.addObject(), Escape.clip(label(fact) + "\n" + Escape.mrkdwn(fact.value()), FIELD_MAX));
            }
        }
        List<Fact> changes = text.changes(notification.event().event());
        if (!changes.isEmpty()) {
            section(
                    blocks,
                    "*" + Escape.mrkdwn(text.changes()) + "*\n"
                            + changes.stream()
                                    .map(c -> "• " + label(c) + " " + Escape.mrkdwn(c.value()))
                                    .collect(Collectors.joining("\n")));
        }
        ArrayNode buttons = Json.array();
        Links.detail(notification).ifPresent(url -> button(buttons, text.openInHunter(), url, "open_in_hunter"));
        Links.partnerCenter(notification)
                .ifPresent(url -> button(buttons, text.openInPartnerCenter(), url, "open_in_partner_center"));
        if (!buttons.isEmpty()) {
            blocks.addObject().put("type", "actions").set("elements", buttons);
        }
        ArrayNode context = blocks.addObject().put("type", "context").putArray("elements");
        mrkdwn(
                context.addObject(),
                Escape.clip(
                        Escape.mrkdwn(text.footer() + " " + text.eventId() + ": "
                                + notification.event().id()),
                        SECTION_MAX));
        return message;
    }

    /** {@code *Status:*}: the label bold, escaped like any text. */
    private static String label(Fact fact) {
        return "*" + Escape.mrkdwn(fact.label()) + ":*";
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        mrkdwn(blocks.addObject().put("type", "section").putObject("text"), Escape.clip(mrkdwn, SECTION_MAX));
    }

    private static void mrkdwn(ObjectNode node, String value) {
        node.put("type", "mrkdwn").put("text", value);
    }

    private static void plain(ObjectNode parent, String value) {
        parent.putObject("text").put("type", "plain_text").put("text", value).put("emoji", false);
    }

    private static void button(ArrayNode buttons, String caption, String url, String actionId) {
        ObjectNode button = buttons.addObject().put("type", "button").put("action_id", actionId);
        plain(button, Escape.clip(caption, BUTTON_MAX));
        button.put("url", url);
    }
}
