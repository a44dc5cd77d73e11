package io.hunterreferrals.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hunterreferrals.core.webhook.WebhookRegistration;
import io.hunterreferrals.core.webhook.WebhookTestResult;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The webhook registration API's bodies. Requests use the documented PascalCase ({@code WebhookUrl},
 * {@code WebhookEvents}); responses are read with names in any case, since the reference shows camelCase and the
 * samples PascalCase (pc-webhooks.md §1, §3). Unknown properties are ignored.
 */
final class RegistrationJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistrationJson() {}

    /** A body that is not the shape an operation returns; the message names the property, never its value. */
    static final class Unexpected extends Exception {
        private static final long serialVersionUID = 1L;

        Unexpected(String message) {
            super(message, null, false, false);
        }
    }

    static String registrationRequest(URI url, List<String> events) {
        ObjectNode body = JSON.createObjectNode().put("WebhookUrl", url.toString());
        events.forEach(body.putArray("WebhookEvents")::add);
        return body.toString();
    }

    /** The registration in a body; empty when it names no URL (no registration). */
    static Optional<WebhookRegistration> registration(String body) throws Unexpected {
        JsonNode root = object(body, true);
        JsonNode url = field(root, "webhookUrl");
        if (url.isMissingNode()
                || url.isNull()
                || (url.isTextual() && url.asText().isBlank())) {
            return Optional.empty();
        }
        if (!url.isTextual()) {
            throw new Unexpected("its WebhookUrl is not a string");
        }
        URI uri;
        try {
            uri = new URI(url.asText().strip());
        } catch (URISyntaxException e) {
            throw new Unexpected("its WebhookUrl is not a URL");
        }
        List<String> events = new ArrayList<>();
        JsonNode list = field(root, "webhookEvents");
        if (list.isArray()) {
            list.forEach(e -> {
                if (e.isTextual() && !e.asText().isBlank()) {
                    events.add(e.asText().strip());
                }
            });
        } else if (!list.isMissingNode() && !list.isNull()) {
            throw new Unexpected("its WebhookEvents is not a list");
        }
        return Optional.of(new WebhookRegistration(
                uri,
                events,
                text(root, "subscriberId"),
                text(root, "lastModifiedTimestamp").flatMap(RegistrationJson::instant)));
    }

    static String correlationId(String body) throws Unexpected {
        return text(object(body, false), "correlationId")
                .orElseThrow(() -> new Unexpected("it holds no correlationId"));
    }

    static WebhookTestResult testResult(String body, String askedFor) throws Unexpected {
        JsonNode root = object(body, false);
        List<WebhookTestResult.Attempt> attempts = new ArrayList<>();
        JsonNode results = field(root, "results");
        if (results.isArray()) {
            for (JsonNode r : results) {
                if (r.isObject()) {
                    attempts.add(new WebhookTestResult.Attempt(
                            text(r, "responseCode").orElse(""),
                            text(r, "responseMessage").orElse(""),
                            text(r, "systemError"),
                            text(r, "dateTimeUtc").flatMap(RegistrationJson::instant)));
                }
            }
        } else if (!results.isMissingNode() && !results.isNull()) {
            throw new Unexpected("its results is not a list");
        }
        return new WebhookTestResult(
                text(root, "correlationId").orElse(askedFor),
                text(root, "status").orElse(""),
                attempts);
    }

    /** A property by name in any case; missing when absent. */
    static JsonNode field(JsonNode object, String name) {
        JsonNode exact = object.path(name);
        if (!exact.isMissingNode()) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return MissingNode.getInstance();
    }

    private static JsonNode object(String body, boolean emptyIsObject) throws Unexpected {
        if (body == null || body.isBlank()) {
            if (emptyIsObject) {
                return JSON.createObjectNode();
            }
            throw new Unexpected("its body is empty");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isNull()) {
                if (emptyIsObject) {
                    return JSON.createObjectNode();
                }
                throw new Unexpected("its body is empty");
            }
            if (!root.isObject()) {
                throw new Unexpected("its body is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new Unexpected("its body is not valid JSON");
        }
    }

    private static Optional<String> text(JsonNode object, String name) {
        JsonNode n = field(object, name);
        return n.isValueNode() && !n.isNull() && !n.asText().isBlank()
                ? Optional.of(n.asText().strip())
                : Optional.empty();
    }

    /** ISO-8601, with an offset or read as UTC; empty when it does not parse (it is only shown). */
    private static Optional<Instant> instant(String text) {
        try {
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return Optional.of(
                    parsed instanceof OffsetDateTime odt
                            ? odt.toInstant()
                            : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
