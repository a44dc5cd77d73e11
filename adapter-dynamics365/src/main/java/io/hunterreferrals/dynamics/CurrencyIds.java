package io.hunterreferrals.dynamics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisation's {@code transactioncurrencyid} per ISO 4217 code, looked up once per code and kept for the life of
 * the process (dataverse.md §4: {@code $filter=isocurrencycode eq 'USD'}). A code the organisation lacks is kept as
 * absent too, so a referral in such a currency costs one look-up, not one per lead; adding the currency in Dynamics
 * takes effect on the next start.
 */
final class CurrencyIds {

    private static final Logger LOG = LoggerFactory.getLogger(CurrencyIds.class);

    private final WebApi api;
    private final Map<String, Optional<UUID>> byIso = new ConcurrentHashMap<>();

    CurrencyIds(WebApi api) {
        this.api = api;
    }

    /**
     * @param iso the deal value's currency as the referral gave it
     * @return the currency's id, or empty when the code is not three letters or the organisation has no such currency
     *     (logged as {@code dynamics_currency_missing}: the lead is then sent without its budget)
     */
    Optional<UUID> idFor(String iso) {
        if (iso == null || !iso.strip().matches("[A-Za-z]{3}")) {
            // Validated before it goes near a $filter: only three letters ever reach the query.
            // The value itself is not logged: it is not a currency code, so it could be anything.
            LOG.atWarn()
                    .addKeyValue("reason", iso == null ? "none" : "not_an_iso_code")
                    .log("dynamics_currency_missing");
            return Optional.empty();
        }
        String code = iso.strip().toUpperCase(Locale.ROOT);
        Optional<UUID> known = byIso.get(code);
        if (known != null) {
            return known;
        }
        Optional<UUID> found = lookUp(code);
        byIso.put(code, found);
        if (found.isEmpty()) {
            LOG.atWarn()
                    .addKeyValue("currency", code)
                    .addKeyValue("reason", "not_in_organisation")
                    .log("dynamics_currency_missing");
        }
        return found;
    }

    private Optional<UUID> lookUp(String code) {
        WebApiResponse r = api.call(WebApiRequest.get(
                "transactioncurrencies?$select=transactioncurrencyid&$filter=isocurrencycode%20eq%20"
                        + ODataLiterals.filterString(code),
                Operation.PUSH,
                "currency look-up"));
        if (!r.isSuccess()) {
            throw api.failures().unexpected(r, "currency look-up");
        }
        JsonNode value = Json.parse(r.body()).map(root -> root.path("value")).orElse(null);
        if (value == null || !value.isArray()) {
            throw api.failures().malformed(r, "a currency look-up without a value array");
        }
        for (JsonNode row : value) {
            String id = Json.text(row.path("transactioncurrencyid"));
            if (id != null) {
                try {
                    return Optional.of(UUID.fromString(id));
                } catch (IllegalArgumentException e) {
                    throw api.failures().malformed(r, "a currency id that is not a GUID");
                }
            }
        }
        return Optional.empty();
    }
}
