package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hunterreferrals.simulator.DataverseLeadWrites.Changes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code leads}: upsert by alternate key or id (PATCH), reads by id, by key and by $filter (GET), with the conditional
 * headers, Prefer and $select as use-upsert-insert-update-record.md and perform-conditional-operations-using-web-api.md
 * show them.
 */
final class DataverseLeadsEndpoint {

    private final DataverseLeads leads;
    private final DataverseMetadata metadata;
    private final DataverseLeadWrites writes;
    private final DataverseCurrencies currencies;
    private final String keyColumn;
    private final Supplier<String> serviceRoot;

    DataverseLeadsEndpoint(
            DataverseLeads leads,
            DataverseMetadata metadata,
            DataverseLeadWrites writes,
            DataverseCurrencies currencies,
            String keyColumn,
            Supplier<String> serviceRoot) {
        this.leads = leads;
        this.metadata = metadata;
        this.writes = writes;
        this.currencies = currencies;
        this.keyColumn = keyColumn;
        this.serviceRoot = serviceRoot;
    }

    /** @param rest what follows {@code leads} in the path: "" or "(...)" */
    Reply handle(Request r, String rest) {
        DataverseQuery query = DataverseQuery.parse(r);
        checkSelect(query.select());
        if (rest.isEmpty()) {
            if (!r.isGet()) {
                return DataverseErrors.notSupported(r.method() + " leads is not simulated; upsert with PATCH.");
            }
            return list(query);
        }
        DataverseLeadRef ref = DataverseLeadRef.parse(rest, keyColumn, metadata);
        return switch (r.method()) {
            case "GET" -> get(r, ref, query);
            case "PATCH" -> upsert(r, ref, query);
            default -> DataverseErrors.notSupported(r.method() + " on a lead is not simulated.");
        };
    }

    private Reply list(DataverseQuery query) {
        query.filter().keySet().forEach(p -> checkSelect(List.of(p)));
        ObjectNode body = Json.object().put("@odata.context", serviceRoot.get() + "$metadata#leads" + selection(query));
        ArrayNode value = body.putArray("value");
        leads.all().stream()
                .filter(l -> query.matches(properties(l)))
                .forEach(l -> value.add(representation(l, query, false)));
        return Reply.json(200, body);
    }

    private Reply get(Request r, DataverseLeadRef ref, DataverseQuery query) {
        DataverseLead lead = find(ref).orElseThrow(() -> new DataverseRejection(ref.notFound()));
        if (r.header("If-None-Match").filter(lead.etag()::equals).isPresent()) {
            return new Reply(304, Map.of(), new byte[0]);
        }
        return Reply.json(200, representation(lead, query, true)).withHeader("ETag", lead.etag());
    }

    private Reply upsert(Request r, DataverseLeadRef ref, DataverseQuery query) {
        JsonNode body;
        try {
            body = Json.parse(r.body());
        } catch (IllegalArgumentException e) {
            return DataverseErrors.badRequest(
                    "", "Error identified in Payload provided by the user for Entity :'leads'.");
        }
        Changes changes = writes.read(body);
        // Look-up and write as one step, so two concurrent upserts of a new key cannot both create it. Dataverse's
        // own race answer (0x80060892, DuplicateRecordEntityKey) is therefore never produced.
        synchronized (leads) {
            return write(r, ref, query, changes);
        }
    }

    private Reply write(Request r, DataverseLeadRef ref, DataverseQuery query, Changes changes) {
        Optional<DataverseLead> existing = find(ref);
        String ifMatch = r.header("If-Match").orElse(null);
        String ifNoneMatch = r.header("If-None-Match").orElse(null);
        if (ifMatch != null && existing.isEmpty()) {
            return ref.notFound();
        }
        if (ifMatch != null
                && !ifMatch.equals("*")
                && !ifMatch.equals(existing.get().etag())) {
            return DataverseErrors.error(
                    412, "", "The version of the existing record doesn't match the RowVersion property provided.");
        }
        // "If-None-Match: null" is the docs' cache-buster on every request, not a precondition.
        if ("*".equals(ifNoneMatch) && existing.isPresent()) {
            return DataverseErrors.error(412, "", "A record with matching key values already exists.");
        }
        boolean create = existing.isEmpty();
        DataverseLead lead = create
                ? leads.create(ref.id(), ref.keyValue(), forCreate(changes.values()), changes.asSent())
                : leads.update(existing.get().leadId(), forUpdate(existing.get(), changes.values()), changes.asSent());
        Reply reply;
        if (r.header("Prefer").filter(p -> p.contains("return=representation")).isPresent()) {
            reply = Reply.json(create ? 201 : 200, representation(lead, query, true))
                    .withHeader("ETag", lead.etag());
            if (create) {
                // As in the docs' examples: Preference-Applied on the 201, not on the 200.
                reply = reply.withHeader("Preference-Applied", "return=representation");
            }
        } else {
            reply = Reply.noContent();
        }
        // Echoes the URL form used: the key URL for a key upsert (upsert doc), the GUID URL otherwise.
        return reply.withHeader("OData-EntityId", serviceRoot.get() + ref.entityPath(lead.leadId()));
    }

    private Optional<DataverseLead> find(DataverseLeadRef ref) {
        return ref.id() != null ? leads.byId(ref.id()) : leads.byReferralId(ref.keyValue());
    }

    /** statecode is not valid for create and is dropped (dataverse.md §4); statuscode must fit the Open state. */
    private Map<String, Object> forCreate(Map<String, Object> values) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.remove("statecode");
        Object status = v.get("statuscode");
        if (status != null && !DataverseLeadSchema.validStatus(0, (Integer) status)) {
            throw badStatus((Integer) status, 0);
        }
        withMoney(v, null);
        return v;
    }

    private Map<String, Object> forUpdate(DataverseLead lead, Map<String, Object> values) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        boolean onlyState = v.keySet().stream().allMatch(k -> k.equals("statecode") || k.equals("statuscode"));
        if (lead.stateCode() != 0 && !onlyState) {
            // dataverse.md §4: qualified and disqualified leads are read-only until reactivated. Code and message
            // UNCONFIRMED.
            throw new DataverseRejection(DataverseErrors.badRequest(
                    "",
                    "The lead is "
                            + DataverseLeadSchema.STATE_NAMES
                                    .get(lead.stateCode())
                                    .toLowerCase(java.util.Locale.ROOT)
                            + " and cannot be updated until it is reactivated."));
        }
        int state = (Integer) v.getOrDefault("statecode", lead.stateCode());
        if (v.containsKey("statecode") && !v.containsKey("statuscode")) {
            v.put("statuscode", DataverseLeadSchema.STATUSES.get(state).getFirst());
        }
        Object status = v.get("statuscode");
        if (status != null && !DataverseLeadSchema.validStatus(state, (Integer) status)) {
            throw badStatus((Integer) status, state);
        }
        withMoney(v, lead);
        return v;
    }

    /**
     * A money value needs a currency: the lead's, the one bound in this write, or the base currency (which one
     * Dataverse picks when none is given is UNCONFIRMED). budgetamount_base = budgetamount / exchangerate.
     */
    private void withMoney(Map<String, Object> v, DataverseLead lead) {
        Object current = lead == null ? null : lead.column("budgetamount");
        BigDecimal amount = (BigDecimal) v.getOrDefault("budgetamount", current);
        if (amount == null || !(v.containsKey("budgetamount") || v.containsKey("_transactioncurrencyid_value"))) {
            return;
        }
        Object bound = v.getOrDefault(
                "_transactioncurrencyid_value", lead == null ? null : lead.column("_transactioncurrencyid_value"));
        DataverseCurrencies.Currency currency = bound == null
                ? currencies.base()
                : currencies.byId(UUID.fromString(bound.toString())).orElse(currencies.base());
        v.put("_transactioncurrencyid_value", currency.id().toString());
        v.put("budgetamount_base", amount.divide(currency.exchangeRate(), 2, RoundingMode.HALF_UP));
    }

    private static DataverseRejection badStatus(int status, int state) {
        return new DataverseRejection(DataverseErrors.badRequest(
                DataverseErrors.BAD_STATUS,
                status + " is not a valid status code for state code LeadState."
                        + DataverseLeadSchema.STATE_NAMES.get(state)));
    }

    private void checkSelect(List<String> names) {
        for (String name : names) {
            if (metadata.columns().stream().noneMatch(c -> c.propertyName().equals(name))) {
                throw new DataverseRejection(DataverseErrors.unknownProperty(name));
            }
        }
    }

    private static String selection(DataverseQuery q) {
        return q.select().isEmpty() ? "" : "(" + String.join(",", q.select()) + ")";
    }

    /** Every property the Web API would return for the lead, system columns included, nulls for unset columns. */
    private Map<String, Object> properties(DataverseLead lead) {
        Map<String, Object> p = new LinkedHashMap<>();
        metadata.columns().forEach(c -> p.put(c.propertyName(), lead.column(c.propertyName())));
        p.putAll(lead.columns());
        p.put("leadid", lead.leadId().toString());
        Object first = lead.column("firstname");
        Object last = lead.column("lastname");
        String full = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        p.put("fullname", full.isEmpty() ? null : full);
        p.put("createdon", lead.createdOn().toString());
        p.put("modifiedon", lead.modifiedOn().toString());
        p.put("versionnumber", lead.version());
        return p;
    }

    private ObjectNode representation(DataverseLead lead, DataverseQuery q, boolean single) {
        ObjectNode o = Json.object();
        if (single) {
            o.put("@odata.context", serviceRoot.get() + "$metadata#leads" + selection(q) + "/$entity");
        }
        o.put("@odata.etag", lead.etag());
        properties(lead).forEach((k, v) -> {
            // The primary key always comes back, selected or not.
            if (q.select().isEmpty() || q.select().contains(k) || k.equals("leadid")) {
                o.set(k, Json.MAPPER.valueToTree(v));
            }
        });
        return o;
    }
}
