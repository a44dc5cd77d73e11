package io.hunterreferrals.dynamics;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.push.LeadLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads what {@link SetupCheck} reports: WhoAmI, the custom columns (one filtered Attributes query), the lengths of the
 * text columns the push fills (one read each; ADR 0012's lengths are the 2017 reference's, an organisation may have
 * shortened them), and the alternate keys. Metadata reads ask for {@code Consistency: Strong}: metadata is cached for
 * about 30 s after a change (dataverse.md §3). Not in dataverse.md, so UNCONFIRMED against a real organisation:
 * {@code $filter} with {@code or} over {@code LogicalName} on {@code Attributes} (the simulator takes it), and a single
 * attribute read returning its derived type's {@code MaxLength}.
 */
final class SetupInspector {

    static final String LEAD_METADATA = "EntityDefinitions(LogicalName='lead')";

    private final WebApi api;
    private final LeadColumns columns;

    SetupInspector(WebApi api, LeadColumns columns) {
        this.api = api;
        this.columns = columns;
    }

    SetupCheck check() {
        SetupCheck.WhoAmI who = whoAmI();
        Map<String, String> types = customTypes();
        List<SetupCheck.Column> found = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (LeadColumns.Custom c : columns.custom()) {
            String wanted = c.kind() == LeadColumns.Kind.STRING ? "String" : "Boolean";
            String type = types.get(c.logicalName());
            SetupCheck.ColumnState state = type == null
                    ? SetupCheck.ColumnState.MISSING
                    : type.equalsIgnoreCase(wanted)
                            ? SetupCheck.ColumnState.PRESENT
                            : SetupCheck.ColumnState.WRONG_TYPE;
            found.add(new SetupCheck.Column(
                    c.logicalName(),
                    wanted,
                    c.maxLength(),
                    state,
                    state == SetupCheck.ColumnState.WRONG_TYPE ? Optional.of(type) : Optional.empty()));
            if (state == SetupCheck.ColumnState.PRESENT && c.maxLength() > 0) {
                lengthWarning(c.logicalName(), c.maxLength()).ifPresent(warnings::add);
            }
        }
        standardLengths()
                .forEach((column, assumed) -> lengthWarning(column, assumed).ifPresent(warnings::add));
        return new SetupCheck(who, found, key(), warnings);
    }

    SetupCheck.WhoAmI whoAmI() {
        WebApiResponse r = api.call(WebApiRequest.get("WhoAmI", Operation.PUSH, "WhoAmI"));
        if (!r.isSuccess()) {
            throw api.failures().unexpected(r, "WhoAmI");
        }
        JsonNode body = Json.parse(r.body()).orElseThrow(() -> api.failures().malformed(r, "WhoAmI without a body"));
        String user = Json.text(body.path("UserId"));
        if (user == null) {
            throw api.failures().malformed(r, "WhoAmI without a UserId");
        }
        return new SetupCheck.WhoAmI(
                user, Json.text(body.path("BusinessUnitId")), Json.text(body.path("OrganizationId")));
    }

    /** The key over the referral-id column, and its index status (empty when there is none). */
    SetupCheck.Key key() {
        WebApiResponse r = metadata(
                LEAD_METADATA + "/Keys?$select=SchemaName,LogicalName,KeyAttributes,EntityKeyIndexStatus",
                "key look-up");
        for (JsonNode k : values(r)) {
            List<String> attributes = new ArrayList<>();
            k.path("KeyAttributes").forEach(a -> attributes.add(a.asText()));
            if (attributes.equals(List.of(columns.keyColumn()))) {
                String schema =
                        Optional.ofNullable(Json.text(k.path("SchemaName"))).orElse(columns.keySchemaName());
                Optional<KeyIndexStatus> status = KeyIndexStatus.fromWebApi(Json.text(k.path("EntityKeyIndexStatus")));
                if (status.isEmpty()) {
                    throw api.failures().malformed(r, "a key whose EntityKeyIndexStatus is unknown");
                }
                return new SetupCheck.Key(schema, columns.keyColumn(), status);
            }
        }
        return new SetupCheck.Key(columns.keySchemaName(), columns.keyColumn(), Optional.empty());
    }

    /** Logical name → AttributeType of those custom columns that exist. */
    private Map<String, String> customTypes() {
        String filter = columns.custom().stream()
                .map(c -> "LogicalName%20eq%20" + ODataLiterals.filterString(c.logicalName()))
                .collect(Collectors.joining("%20or%20"));
        WebApiResponse r = metadata(
                LEAD_METADATA + "/Attributes?$select=LogicalName,AttributeType&$filter=" + filter, "column look-up");
        Map<String, String> types = new HashMap<>();
        for (JsonNode a : values(r)) {
            String name = Json.text(a.path("LogicalName"));
            if (name != null) {
                types.put(
                        name,
                        Optional.ofNullable(Json.text(a.path("AttributeType"))).orElse("unknown"));
            }
        }
        return types;
    }

    private Optional<String> lengthWarning(String column, int assumed) {
        WebApiResponse r = api.call(new WebApiRequest(
                "GET",
                LEAD_METADATA + "/Attributes(LogicalName=" + ODataLiterals.filterString(column) + ")",
                Map.of("Consistency", "Strong"),
                null,
                Operation.SETUP,
                "column definition"));
        if (r.status() == 404) {
            return Optional.of("column " + column + " does not exist in this organisation");
        }
        if (!r.isSuccess()) {
            throw api.failures().unexpected(r, "column definition");
        }
        JsonNode length = Json.parse(r.body()).map(b -> b.path("MaxLength")).orElse(null);
        if (length != null && length.isInt() && length.asInt() < assumed) {
            return Optional.of("column " + column + " holds " + length.asInt() + " characters here, the push sends up"
                    + " to " + assumed + ": longer values are refused (widen it in Power Apps → Tables → Lead →"
                    + " Columns)");
        }
        return Optional.empty();
    }

    private static Map<String, Integer> standardLengths() {
        LeadLimits l = LeadColumns.LIMITS;
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(LeadColumns.SUBJECT, l.subject());
        m.put(LeadColumns.COMPANY, l.companyName());
        m.put(LeadColumns.WEBSITE, l.website());
        m.put(LeadColumns.COUNTRY, l.country());
        m.put(LeadColumns.DESCRIPTION, l.description());
        m.put(LeadColumns.FIRST_NAME, l.firstName());
        m.put(LeadColumns.LAST_NAME, l.lastName());
        m.put(LeadColumns.EMAIL, l.email());
        m.put(LeadColumns.PHONE, l.phone());
        return m;
    }

    private WebApiResponse metadata(String path, String purpose) {
        WebApiResponse r = api.call(
                new WebApiRequest("GET", path, Map.of("Consistency", "Strong"), null, Operation.SETUP, purpose));
        if (!r.isSuccess()) {
            throw api.failures().unexpected(r, purpose);
        }
        return r;
    }

    private JsonNode values(WebApiResponse r) {
        JsonNode value = Json.parse(r.body()).map(b -> b.path("value")).orElse(null);
        if (value == null || !value.isArray()) {
            throw api.failures().malformed(r, "a metadata list without a value array");
        }
        return value;
    }
}
