package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code EntityDefinitions(LogicalName='lead')}: list and create columns ({@code /Attributes}) and alternate keys
 * ({@code /Keys}), as create-update-column-definitions-using-web-api.md and dataverse.md §3 describe. Only the lead
 * table exists. Creating a column checks the publisher's customization prefix.
 */
final class DataverseMetadataEndpoint {

    private static final String LEAD = "(LogicalName='lead')";
    /** Column types an alternate key may use (define-alternate-keys-entity.md), as far as the simulator has them. */
    private static final Set<DataverseColumn.Type> KEY_TYPES = Set.of(
            DataverseColumn.Type.STRING,
            DataverseColumn.Type.PICKLIST,
            DataverseColumn.Type.LOOKUP,
            DataverseColumn.Type.DATETIME);

    private final DataverseMetadata metadata;
    private final DataverseIds ids;
    private final String prefix;
    private final Supplier<String> serviceRoot;

    DataverseMetadataEndpoint(
            DataverseMetadata metadata, DataverseIds ids, String prefix, Supplier<String> serviceRoot) {
        this.metadata = metadata;
        this.ids = ids;
        this.prefix = prefix;
        this.serviceRoot = serviceRoot;
    }

    /** @param rest what follows {@code EntityDefinitions} in the path */
    Reply handle(Request r, String rest) {
        if (!rest.startsWith(LEAD)) {
            // UNCONFIRMED wording; the simulator has the lead table only.
            return DataverseErrors.error(404, "", "Could not find entity " + rest + ". The simulator has 'lead' only.");
        }
        String sub = rest.substring(LEAD.length());
        String key = r.method() + " " + sub;
        if (key.equals("GET ")) {
            return Reply.json(
                    200,
                    Json.object()
                            .put("@odata.context", serviceRoot.get() + "$metadata#EntityDefinitions/$entity")
                            .put("MetadataId", ids.uuid("entity", "lead").toString())
                            .put("LogicalName", "lead")
                            .put("EntitySetName", DataverseLeadSchema.ENTITY_SET)
                            .put("PrimaryIdAttribute", DataverseLeadSchema.PRIMARY_KEY)
                            .put("IsOptimisticConcurrencyEnabled", true));
        }
        if (key.equals("GET /Attributes")) {
            return attributes(DataverseQuery.parse(r), metadata.columns());
        }
        if (r.isGet() && sub.startsWith("/Attributes(LogicalName='") && sub.endsWith("')")) {
            String name = sub.substring("/Attributes(LogicalName='".length(), sub.length() - 2);
            return metadata.column(name)
                    .map(c -> Reply.json(200, attribute(c, DataverseQuery.parse(r))))
                    .orElseGet(() -> DataverseErrors.error(404, "", "Could not find attribute '" + name + "'."));
        }
        return switch (key) {
            case "POST /Attributes" -> createColumn(Json.parse(r.body()));
            case "GET /Keys" -> keys(DataverseQuery.parse(r));
            case "POST /Keys" -> createKey(Json.parse(r.body()));
            default -> DataverseErrors.notSupported(r.method() + " EntityDefinitions" + rest + " is not simulated.");
        };
    }

    private Reply attributes(DataverseQuery q, List<DataverseColumn> columns) {
        ObjectNode body = Json.object()
                .put(
                        "@odata.context",
                        serviceRoot.get() + "$metadata#EntityDefinitions('lead')/Attributes"
                                + (q.select().isEmpty() ? "" : "(" + String.join(",", q.select()) + ")"));
        ArrayNode value = body.putArray("value");
        columns.stream()
                .map(c -> attribute(c, q))
                .filter(a -> q.matches(Json.MAPPER.convertValue(a, Map.class)))
                .forEach(value::add);
        return Reply.json(200, body);
    }

    private ObjectNode attribute(DataverseColumn c, DataverseQuery q) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("LogicalName", c.logicalName());
        all.put("SchemaName", c.schemaName());
        all.put("AttributeType", c.type().attributeType());
        all.put("IsCustomAttribute", c.custom());
        all.put("IsValidForCreate", c.writable() && c.type() != DataverseColumn.Type.STATE);
        all.put("IsValidForUpdate", c.writable());
        if (c.maxLength() > 0) {
            all.put("MaxLength", c.maxLength());
        }
        ObjectNode o = Json.object()
                .put("@odata.type", "#Microsoft.Dynamics.CRM." + c.type().metadataType());
        o.put("MetadataId", ids.uuid("attribute", c.logicalName()).toString());
        all.forEach((k, v) -> {
            if (q.select().isEmpty() || q.select().contains(k) || q.filter().containsKey(k)) {
                o.set(k, Json.MAPPER.valueToTree(v));
            }
        });
        return o;
    }

    private Reply createColumn(JsonNode body) {
        String type = body.path("@odata.type").asText().replaceFirst("^#?(Microsoft\\.Dynamics\\.CRM\\.)?", "");
        String logicalName = customName(body.path("SchemaName").asText());
        DataverseColumn column = switch (type) {
            case "StringAttributeMetadata" -> {
                int max = body.path("MaxLength").asInt(100);
                if (max < 1 || max > 4000) {
                    throw new IllegalArgumentException("MaxLength of a String column must be 1 to 4000, was " + max);
                }
                yield DataverseColumn.customString(logicalName, max);
            }
            case "BooleanAttributeMetadata" -> DataverseColumn.customBoolean(logicalName);
            case "PicklistAttributeMetadata" -> DataverseColumn.customPicklist(logicalName, options(body));
            default ->
                throw new IllegalArgumentException("the simulator creates String, Boolean and Picklist columns,"
                        + " not '" + body.path("@odata.type").asText() + "'");
        };
        column = new DataverseColumn(
                column.logicalName(),
                body.path("SchemaName").asText(),
                column.type(),
                column.maxLength(),
                true,
                true,
                column.options());
        if (!metadata.addColumn(column)) {
            // UNCONFIRMED code and wording.
            return DataverseErrors.badRequest(
                    "", "An attribute with the name " + column.schemaName() + " already exists on the lead entity.");
        }
        return Reply.noContent()
                .withHeader(
                        "OData-EntityId",
                        serviceRoot.get() + "EntityDefinitions(" + ids.uuid("entity", "lead") + ")/Attributes("
                                + ids.uuid("attribute", logicalName) + ")");
    }

    /** Options with a null Value get the publisher's option value prefix (10000, the default publisher's) plus n. */
    private static List<Integer> options(JsonNode body) {
        List<Integer> values = new ArrayList<>();
        int next = 100_000_000;
        for (JsonNode o : body.path("OptionSet").path("Options")) {
            values.add(o.path("Value").isInt() ? o.path("Value").asInt() : next++);
        }
        return values;
    }

    private Reply keys(DataverseQuery q) {
        ObjectNode body = Json.object()
                .put(
                        "@odata.context",
                        serviceRoot.get() + "$metadata#EntityDefinitions('lead')/Keys"
                                + (q.select().isEmpty() ? "" : "(" + String.join(",", q.select()) + ")"));
        ArrayNode value = body.putArray("value");
        for (DataverseKey k : metadata.readKeys()) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("SchemaName", k.schemaName());
            all.put("LogicalName", k.logicalName());
            all.put("KeyAttributes", k.keyAttributes());
            all.put("EntityKeyIndexStatus", k.status().name());
            ObjectNode o = value.addObject().put("MetadataId", k.metadataId().toString());
            all.forEach((name, v) -> {
                if (q.select().isEmpty() || q.select().contains(name)) {
                    o.set(name, Json.MAPPER.valueToTree(v));
                }
            });
        }
        return Reply.json(200, body);
    }

    private Reply createKey(JsonNode body) {
        String schemaName = body.path("SchemaName").asText();
        customName(schemaName);
        List<String> attributes = new ArrayList<>();
        body.path("KeyAttributes").forEach(a -> attributes.add(a.asText()));
        if (attributes.isEmpty() || attributes.size() > 16) {
            throw new IllegalArgumentException("KeyAttributes must name 1 to 16 columns");
        }
        for (String a : attributes) {
            DataverseColumn c =
                    metadata.column(a).orElseThrow(() -> new DataverseRejection(DataverseErrors.unknownProperty(a)));
            if (!KEY_TYPES.contains(c.type())) {
                throw new IllegalArgumentException("a " + c.type().attributeType() + " column cannot be part of a key");
            }
        }
        List<DataverseKey> existing = metadata.keys();
        if (existing.stream().anyMatch(k -> k.schemaName().equalsIgnoreCase(schemaName))) {
            return DataverseErrors.badRequest(
                    DataverseErrors.KEY_NAME_EXISTS, "An entity key with the name " + schemaName + " already exists.");
        }
        if (existing.stream().anyMatch(k -> Set.copyOf(k.keyAttributes()).equals(Set.copyOf(attributes)))) {
            return DataverseErrors.badRequest(
                    DataverseErrors.KEY_ATTRIBUTES_EXIST, "An entity key with the selected attributes already exists.");
        }
        if (existing.size() >= 10) {
            // The limit is documented (define-alternate-keys-entity.md); the error's code and wording are UNCONFIRMED.
            return DataverseErrors.badRequest("", "A table can have at most 10 alternate keys.");
        }
        DataverseKey key = metadata.addKey(schemaName, attributes);
        // The status of this reply is UNCONFIRMED; 204 with OData-EntityId like column creation is the likely one.
        return Reply.noContent()
                .withHeader(
                        "OData-EntityId",
                        serviceRoot.get() + "EntityDefinitions(" + ids.uuid("entity", "lead") + ")/Keys("
                                + key.metadataId() + ")");
    }

    /** The logical name of a custom column or key: SchemaName lower-cased, which must carry the publisher prefix. */
    private String customName(String schemaName) {
        String logical = schemaName.toLowerCase(Locale.ROOT);
        if (!logical.matches("[a-z][a-z0-9]{1,7}_[a-z0-9_]+")) {
            throw new IllegalArgumentException("SchemaName '" + schemaName + "' must be <prefix>_<name>");
        }
        if (!logical.startsWith(prefix + "_")) {
            // The rule is the publisher's; the code and wording of this error are UNCONFIRMED.
            throw new DataverseRejection(DataverseErrors.badRequest(
                    "",
                    "The SchemaName '" + schemaName + "' must start with the customization prefix '" + prefix
                            + "_' of the solution's publisher."));
        }
        return logical;
    }
}
