package io.hunterreferrals.partnercenter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.webhook.HintEvent;
import io.hunterreferrals.core.webhook.ReferralHint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the event model of a verified call (pc-webhooks.md §2): {@code EventName}, {@code ResourceUri} (its last path
 * segment is the referral id; its host is never called) and {@code ResourceChangeUtcDate}, with property names in any
 * case. Everything else ({@code ResourceName}, {@code AuditUri}) is ignored. Messages name the property that is wrong,
 * and the event's name only when it looks like one; never other body content.
 */
final class WebhookEventParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The shape of the event names Partner Center documents, so a message may repeat one safely. */
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private WebhookEventParser() {}

    /** Why a body is not an event this product reads; the message is safe to log. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static ReferralHint parse(byte[] body) throws Malformed {
        Map<String, JsonNode> fields = fields(body);
        String eventName = text(fields, "EventName");
        HintEvent event = HintEvent.fromWire(eventName)
                .orElseThrow(() -> new Malformed(
                        EVENT_NAME.matcher(eventName).matches()
                                ? "The event '" + eventName + "' is not one this product reads"
                                : "The event name is not one this product reads"));
        ReferralId referral = referralId(text(fields, "ResourceUri"));
        Instant changedAt = instant(text(fields, "ResourceChangeUtcDate"));
        return new ReferralHint(event, referral, changedAt);
    }

    /** The top-level properties by lower-cased name; two that differ only in case make the body ambiguous. */
    private static Map<String, JsonNode> fields(byte[] body) throws Malformed {
        JsonNode root;
        try (JsonParser parser = JSON.createParser(body)) {
            root = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                throw new Malformed("The body has content after the event");
            }
        } catch (IOException e) {
            throw new Malformed("The body is not valid JSON in UTF-8");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("The body is not a JSON object");
        }
        Map<String, JsonNode> fields = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (fields.put(field.getKey().toLowerCase(Locale.ROOT), field.getValue()) != null) {
                throw new Malformed("The body has a property twice, in different case");
            }
        }
        return fields;
    }

    private static String text(Map<String, JsonNode> fields, String name) throws Malformed {
        JsonNode value = fields.get(name.toLowerCase(Locale.ROOT));
        if (value == null || value.isNull()) {
            throw new Malformed("The event has no " + name);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new Malformed("The event's " + name + " is not a non-empty string");
        }
        return value.asText().strip();
    }

    /**
     * The last non-empty path segment, %-decoded. Parsed by hand: Microsoft's own sample URI holds {@code {{...}}},
     * which {@link java.net.URI} refuses.
     */
    static ReferralId referralId(String resourceUri) throws Malformed {
        String path = resourceUri;
        int cut = indexOfAny(path, '?', '#');
        path = cut >= 0 ? path.substring(0, cut) : path;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash >= 0 ? path.substring(slash) : "";
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int last = path.lastIndexOf('/');
        String segment = last >= 0 ? path.substring(last + 1) : "";
        if (segment.isEmpty()) {
            throw new Malformed("The event's ResourceUri has no path segment to take the referral id from");
        }
        String id = percentDecode(segment)
                .orElseThrow(() -> new Malformed("The event's ResourceUri has a broken %-escape in its last segment"));
        try {
            return ReferralId.of(id);
        } catch (IllegalArgumentException e) {
            throw new Malformed("The event's ResourceUri does not end in a usable referral id: " + e.getMessage());
        }
    }

    /**
     * ISO-8601 with an offset or {@code Z}, any fractional digits up to nine (Partner Center sends seven:
     * {@code 2018-02-17T00:05:39.5485487+00:00}); without an offset it is read as UTC, which the property's name says.
     */
    static Instant instant(String text) throws Malformed {
        try {
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime odt
                    ? odt.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Malformed("The event's ResourceChangeUtcDate is not an ISO-8601 date and time");
        }
    }

    private static Optional<String> percentDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return Optional.of(segment);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                int end = Character.isHighSurrogate(c) && i + 1 < segment.length() ? i + 2 : i + 1;
                out.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
                continue;
            }
            int hi = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
            int lo = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                return Optional.empty();
            }
            out.write(hi * 16 + lo);
            i += 2;
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
    }
}
