package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The org's transactioncurrency rows: USD, EUR, TRY and GBP with seeded ids, one of them the base currency (exchange
 * rate 1). Read-only; {@code GET transactioncurrencies} with $select/$filter, and {@code (<guid>)} lookups.
 */
final class DataverseCurrencies {

    record Currency(UUID id, String iso, String name, String symbol, BigDecimal exchangeRate) {

        Map<String, Object> row() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("transactioncurrencyid", id.toString());
            row.put("isocurrencycode", iso);
            row.put("currencyname", name);
            row.put("currencysymbol", symbol);
            row.put("exchangerate", exchangeRate);
            return row;
        }
    }

    /** Units per US dollar: round numbers, only their ratios matter. */
    private static final Map<String, String[]> SEED = Map.of(
            "USD", new String[] {"US Dollar", "$", "1"},
            "EUR", new String[] {"Euro", "€", "0.92"},
            "TRY", new String[] {"Turkish Lira", "₺", "32.50"},
            "GBP", new String[] {"Pound Sterling", "£", "0.79"});

    private final Map<String, Currency> byIso = new LinkedHashMap<>();
    private final String base;

    DataverseCurrencies(DataverseIds ids, String baseIso) {
        if (!SEED.containsKey(baseIso)) {
            throw new IllegalArgumentException("base currency must be one of " + SEED.keySet());
        }
        this.base = baseIso;
        BigDecimal perBase = new BigDecimal(SEED.get(baseIso)[2]);
        for (String iso : List.of("USD", "EUR", "TRY", "GBP")) {
            String[] s = SEED.get(iso);
            BigDecimal rate = new BigDecimal(s[2])
                    .divide(perBase, 10, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            byIso.put(iso, new Currency(ids.uuid("transactioncurrency", iso), iso, s[0], s[1], rate));
        }
    }

    Optional<Currency> byIso(String iso) {
        return Optional.ofNullable(byIso.get(iso));
    }

    Optional<Currency> byId(UUID id) {
        return byIso.values().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    Currency base() {
        return byIso.get(base);
    }

    /** {@code transactioncurrencies} or {@code transactioncurrencies(<guid>)}; {@code rest} is what follows the set. */
    Reply get(Request r, String rest, String serviceRoot) {
        DataverseQuery q = DataverseQuery.parse(r);
        for (String p : q.select()) {
            if (!base().row().containsKey(p)) {
                return DataverseErrors.badRequest(
                        DataverseErrors.UNKNOWN_PROPERTY,
                        "Could not find a property named '" + p
                                + "' on type 'Microsoft.Dynamics.CRM.transactioncurrency'.");
            }
        }
        String context = serviceRoot + "$metadata#transactioncurrencies"
                + (q.select().isEmpty() ? "" : "(" + String.join(",", q.select()) + ")");
        if (rest.startsWith("(") && rest.endsWith(")")) {
            UUID id = UUID.fromString(rest.substring(1, rest.length() - 1));
            return byId(id).map(c -> Reply.json(200, row(c, q).put("@odata.context", context + "/$entity")))
                    .orElseGet(() ->
                            DataverseErrors.error(404, "", "transactioncurrency With Id = " + id + " Does Not Exist"));
        }
        ObjectNode body = Json.object().put("@odata.context", context);
        ArrayNode value = body.putArray("value");
        byIso.values().stream().filter(c -> q.matches(c.row())).forEach(c -> value.add(row(c, q)));
        return Reply.json(200, body);
    }

    private static ObjectNode row(Currency c, DataverseQuery q) {
        ObjectNode o = Json.object().put("@odata.etag", "W/\"" + (1000 + Math.abs(c.id().hashCode() % 9000)) + "\"");
        c.row().forEach((k, v) -> {
            // The primary key always comes back, selected or not, as in the Web API.
            if (q.select().isEmpty() || q.select().contains(k) || k.equals("transactioncurrencyid")) {
                o.set(k, Json.MAPPER.valueToTree(v));
            }
        });
        return o;
    }
}
