package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the body of a lead write column by column against the table's metadata and turns it into stored values;
 * refuses with the Web API's error for the first bad property. State rules (create vs update) are the caller's.
 */
final class DataverseLeadWrites {

    /** What a valid body comes to: values under their property names, and the body as sent for the write log. */
    record Changes(Map<String, Object> values, Map<String, Object> asSent) {}

    private static final Pattern BIND =
            Pattern.compile("^(?:https?://[^/]+)?/?(?:api/data/v9\\.\\d/)?([a-z_]+)\\(([0-9a-fA-F-]{36})\\)$");

    private final DataverseMetadata metadata;
    private final DataverseCurrencies currencies;
    private final UUID applicationUserId;
    private final String keyColumn;

    DataverseLeadWrites(
            DataverseMetadata metadata, DataverseCurrencies currencies, UUID applicationUserId, String keyColumn) {
        this.metadata = metadata;
        this.currencies = currencies;
        this.applicationUserId = applicationUserId;
        this.keyColumn = keyColumn;
    }

    Changes read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw reject(DataverseErrors.badRequest(
                    "",
                    "Error identified in Payload provided by the user for Entity"
                            + " :'leads'. The body must be a JSON object."));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> asSent = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (name.startsWith("@")) {
                continue;
            }
            asSent.put(name, plain(v));
            if (name.endsWith("@odata.bind")) {
                bind(name.substring(0, name.length() - "@odata.bind".length()), v, values);
                continue;
            }
            if (name.equals(keyColumn)) {
                // A simulator rule, stricter than Dataverse, which strips the key on update and uses it on create
                // (use-upsert-insert-update-record.md): a key in the body is a bug in the push, so it fails loudly.
                throw reject(DataverseErrors.badRequest(
                        "",
                        "Do not send the alternate key column '" + keyColumn
                                + "' in the body of an upsert by that key (simulator rule)."));
            }
            DataverseColumn column = metadata.columns().stream()
                    .filter(c ->
                            c.logicalName().equals(name) || c.propertyName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> reject(DataverseErrors.unknownProperty(name)));
            if (column.isLookup()) {
                // Wording as commonly reported; code and status UNCONFIRMED.
                throw reject(DataverseErrors.badRequest(
                        "",
                        "CRM do not support direct update of Entity Reference"
                                + " properties, Use Navigation properties instead."));
            }
            if (column.writable()) {
                values.put(name, value(column, v));
            }
        }
        return new Changes(values, asSent);
    }

    private void bind(String navigation, JsonNode v, Map<String, Object> values) {
        DataverseColumn column = metadata.column(navigation)
                .filter(DataverseColumn::isLookup)
                .orElseThrow(() -> reject(DataverseErrors.unknownProperty(navigation)));
        Matcher m = v.isTextual() ? BIND.matcher(v.asText()) : null;
        if (m == null || !m.matches()) {
            throw reject(DataverseErrors.badRequest(
                    "",
                    "The value of '" + navigation + "@odata.bind' must be a URL"
                            + " like /<entity set>(<guid>); the simulator binds by GUID only."));
        }
        String set = m.group(1);
        UUID id = UUID.fromString(m.group(2));
        if (!DataverseLeadSchema.LOOKUP_TARGETS
                .getOrDefault(column.logicalName(), java.util.Set.of())
                .contains(set)) {
            throw reject(DataverseErrors.badRequest(
                    "",
                    "The entity set '" + set + "' is not a valid target of the navigation property '" + navigation
                            + "'."));
        }
        boolean exists = switch (set) {
            case "transactioncurrencies" -> currencies.byId(id).isPresent();
            case "systemusers" -> id.equals(applicationUserId);
            default -> false;
        };
        if (!exists) {
            // Shaped like the conditional-operations doc's 404; that a bind to a missing row gives it is UNCONFIRMED.
            String entity = set.equals("transactioncurrencies") ? "transactioncurrency" : set.replaceAll("s$", "");
            throw reject(DataverseErrors.error(404, "", entity + " With Id = " + id + " Does Not Exist"));
        }
        values.put(column.propertyName(), id.toString());
    }

    private static Object value(DataverseColumn c, JsonNode v) {
        if (v.isNull()) {
            if (c.type() == DataverseColumn.Type.STATE || c.type() == DataverseColumn.Type.STATUS) {
                throw reject(DataverseErrors.badRequest("", "'" + c.logicalName() + "' cannot be set to null."));
            }
            return null;
        }
        return switch (c.type()) {
            case STRING, MEMO -> {
                String s = expect(v.isTextual(), v, "Edm.String").asText();
                if (s.length() > c.maxLength()) {
                    throw reject(DataverseErrors.tooLong(c.logicalName(), c.maxLength()));
                }
                yield s;
            }
            case BOOLEAN -> expect(v.isBoolean(), v, "Edm.Boolean").asBoolean();
            case PICKLIST, STATE, STATUS -> {
                int n = expect(v.isInt(), v, "Edm.Int32").asInt();
                if (!c.options().contains(n)) {
                    // Validation code from the batch doc; this message wording is UNCONFIRMED.
                    throw reject(DataverseErrors.badRequest(
                            DataverseErrors.VALIDATION,
                            "A validation error occurred."
                                    + " The value " + n + " of '" + c.logicalName()
                                    + "' on record of type 'lead' is outside"
                                    + " the valid range. Accepted Values: " + join(c.options())));
                }
                yield n;
            }
            case MONEY -> {
                BigDecimal d = expect(v.isNumber(), v, "Edm.Decimal").decimalValue();
                if (d.signum() < 0 || d.compareTo(DataverseLeadSchema.MONEY_MAX) > 0) {
                    throw reject(DataverseErrors.badRequest(
                            DataverseErrors.VALIDATION,
                            "A validation error occurred. The value of '" + c.logicalName()
                                    + "' is outside the range 0 to 1000000000000."));
                }
                // Precision 2 (lead.md); that Dataverse rounds rather than refuses more digits is UNCONFIRMED.
                yield d.setScale(2, RoundingMode.HALF_UP);
            }
            default -> throw new IllegalStateException("not writable: " + c.logicalName());
        };
    }

    private static JsonNode expect(boolean ok, JsonNode v, String edmType) {
        if (!ok) {
            throw reject(DataverseErrors.badRequest(
                    "", "Cannot convert the literal '" + v + "' to the expected type '" + edmType + "'."));
        }
        return v;
    }

    /** JSON as plain Java values for the write log: String, Boolean, Integer, Long, BigDecimal or null. */
    static Object plain(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isInt()) {
            return v.asInt();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        return Json.write(v);
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    static DataverseRejection reject(Reply reply) {
        return new DataverseRejection(reply);
    }
}
