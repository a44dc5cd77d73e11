package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of a registration POST or PUT, {@code {"WebhookUrl","WebhookEvents":[...],
 * "SignatureTokenToMsSignatureHeader"?}}, with property names read case-insensitively: the reference spells them
 * camelCase, the samples PascalCase (pc-webhooks.md §1). Parsing throws IllegalArgumentException with the 400's text.
 *
 * @param events lower-case, distinct, in the order sent; each one Partner Center supports
 */
record WebhookRegistrationBody(URI url, List<String> events, boolean msSignatureHeader) {

    /** @param defaultEvents used when the body names none; {@code null} makes WebhookEvents required */
    static WebhookRegistrationBody parse(String body, List<String> defaultEvents) {
        JsonNode root = Json.parse(body == null || body.isBlank() ? "null" : body);
        if (!root.isObject()) {
            throw new IllegalArgumentException("The body must be a JSON object.");
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            fields.put(f.getKey().toLowerCase(Locale.ROOT), f.getValue());
        }
        URI url = url(fields.get("webhookurl"));
        JsonNode events = fields.get("webhookevents");
        List<String> names = new ArrayList<>();
        if (events == null && defaultEvents != null) {
            names.addAll(defaultEvents);
        } else if (events == null || !events.isArray() || events.isEmpty()) {
            throw new IllegalArgumentException("WebhookEvents must name at least one event.");
        } else {
            for (JsonNode e : events) {
                String name = e.isTextual() ? e.asText() : "";
                if (WebhookRegistration.SUPPORTED_EVENTS.stream().noneMatch(name::equalsIgnoreCase)) {
                    throw new IllegalArgumentException("'" + e.asText() + "' is not a supported webhook event.");
                }
                names.add(name);
            }
        }
        JsonNode flag = fields.get("signaturetokentomssignatureheader");
        return new WebhookRegistrationBody(
                url, SimulatedWebhooks.normalized(names), flag != null && flag.asBoolean(false));
    }

    private static URI url(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException("WebhookUrl is required.");
        }
        URI url;
        try {
            url = new URI(node.asText().trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("WebhookUrl is not a valid URL.");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        // Whether Partner Center refuses plain http is UNCONFIRMED; the simulator takes it for loopback receivers.
        if (!url.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
            throw new IllegalArgumentException("WebhookUrl must be an absolute http(s) URL.");
        }
        return url;
    }
}
