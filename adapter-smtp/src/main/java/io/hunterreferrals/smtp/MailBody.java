package io.hunterreferrals.smtp;

import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.Notification;
import io.hunterreferrals.core.notify.NotificationText;
import io.hunterreferrals.core.notify.NotificationText.Fact;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a message says, as plain text and as HTML with inline CSS only (mail clients drop style sheets): per
 * notification its title, its facts, what changed, the links to the web UI and Partner Center and its event id; then
 * the footer. One notification has its title as the subject; several (a digest) have {@code digestSubject(n)}.
 *
 * <p>Every text is {@link NotificationText}'s; every value in the HTML part passes {@link Html#escape}, links too.
 *
 * @param subject one line, for the Subject header
 * @param plain the text/plain part
 * @param html the text/html part
 */
record MailBody(String subject, String plain, String html) {

    private static final String FONT = "font-family:'Segoe UI',Helvetica,Arial,sans-serif;";
    private static final String MUTED = "color:#57606a;";

    static MailBody of(List<Notification> notifications, NotificationText text) {
        String subject = notifications.size() == 1
                ? text.title(notifications.getFirst().event().event())
                : text.digestSubject(notifications.size());
        subject = oneLine(subject);
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html lang=\"")
                .append(text.language().code())
                .append("\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(subject))
                .append("</title></head>\n<body style=\"margin:0;padding:24px;background:#f4f5f7;")
                .append(FONT)
                .append("color:#1f2328;\">\n<div style=\"max-width:640px;margin:0 auto;background:#ffffff;"
                        + "border:1px solid #d0d7de;border-radius:6px;padding:24px;\">\n");
        if (notifications.size() > 1) {
            plain.append(subject).append("\n\n");
            html.append("<h1 style=\"margin:0 0 16px;font-size:20px;\">")
                    .append(Html.escape(subject))
                    .append("</h1>\n");
        }
        for (int i = 0; i < notifications.size(); i++) {
            if (i > 0) {
                plain.append("\n----------------------------------------\n\n");
                html.append("<hr style=\"border:0;border-top:1px solid #d0d7de;margin:24px 0;\">\n");
            }
            section(notifications.get(i), text, plain, html);
        }
        plain.append("\n-- \n").append(text.footer()).append('\n');
        html.append("<p style=\"margin:24px 0 0;font-size:12px;")
                .append(MUTED)
                .append("\">")
                .append(Html.escape(text.footer()))
                .append("</p>\n</div>\n</body></html>\n");
        return new MailBody(subject, plain.toString(), html.toString());
    }

    private static void section(Notification n, NotificationText text, StringBuilder plain, StringBuilder html) {
        String title = oneLine(text.title(n.event().event()));
        plain.append(title).append("\n\n");
        html.append("<h2 style=\"margin:0 0 12px;font-size:18px;\">")
                .append(Html.escape(title))
                .append("</h2>\n");
        if (n.type() == EventType.TEST) {
            plain.append(text.testMessage()).append("\n\n");
            html.append("<p style=\"margin:0 0 12px;\">")
                    .append(Html.escape(text.testMessage()))
                    .append("</p>\n");
        }
        List<Fact> facts = new ArrayList<>(text.facts(n.event().event()));
        facts.add(new Fact(text.occurredAt(), text.dateTime(n.event().occurredAt(), ZoneOffset.UTC)));
        table(facts, plain, html);
        List<Fact> changes = text.changes(n.event().event());
        if (!changes.isEmpty()) {
            plain.append('\n').append(text.changes()).append('\n');
            html.append("<h3 style=\"margin:16px 0 8px;font-size:15px;\">")
                    .append(Html.escape(text.changes()))
                    .append("</h3>\n");
            table(changes, plain, html);
        }
        List<String[]> links = new ArrayList<>();
        web(n.detailUrl()).ifPresent(url -> links.add(new String[] {text.openInHunter(), url}));
        web(n.partnerCenterUrl()).ifPresent(url -> links.add(new String[] {text.openInPartnerCenter(), url}));
        if (!links.isEmpty()) {
            plain.append('\n');
            html.append("<p style=\"margin:16px 0 0;\">");
            for (String[] link : links) {
                plain.append(link[0]).append(": ").append(link[1]).append('\n');
                html.append("<a href=\"")
                        .append(Html.escape(link[1]))
                        .append("\" style=\"display:inline-block;margin:0 8px 8px 0;padding:8px 14px;"
                                + "background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:4px;\">")
                        .append(Html.escape(link[0]))
                        .append("</a>");
            }
            html.append("</p>\n");
        }
        String id = text.eventId() + ": " + n.event().id();
        plain.append('\n').append(id).append('\n');
        html.append("<p style=\"margin:8px 0 0;font-size:12px;")
                .append(MUTED)
                .append("\">")
                .append(Html.escape(id))
                .append("</p>\n");
    }

    private static void table(List<Fact> facts, StringBuilder plain, StringBuilder html) {
        html.append("<table role=\"presentation\" style=\"border-collapse:collapse;\">\n");
        for (Fact fact : facts) {
            plain.append(fact.label())
                    .append(": ")
                    .append(oneLine(fact.value()))
                    .append('\n');
            html.append("<tr><th style=\"text-align:left;vertical-align:top;padding:3px 16px 3px 0;font-weight:600;")
                    .append(MUTED)
                    .append("white-space:nowrap;\">")
                    .append(Html.escape(fact.label()))
                    .append("</th><td style=\"padding:3px 0;\">")
                    .append(Html.escape(fact.value()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** Only an absolute http(s) URL becomes a link: no {@code javascript:} can reach an href. */
    static Optional<String> web(Optional<String> url) {
        return url.filter(u -> {
            try {
                URI uri = new URI(u);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
            } catch (URISyntaxException e) {
                return false;
            }
        });
    }

    /** Control characters as spaces: a line break in a company name must not end the Subject header. */
    static String oneLine(String value) {
        return value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
