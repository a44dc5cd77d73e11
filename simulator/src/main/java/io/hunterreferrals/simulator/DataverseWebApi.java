package io.hunterreferrals.simulator;

import io.hunterreferrals.simulator.Grants.AccessCheck;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web API under {@code /api/data/v9.2/}: the bearer check, faults by target, routing to the resources, and the
 * headers every OData response carries. Batch operations come back in through {@link #item(Request)}.
 */
final class DataverseWebApi {

    static final String ROOT = "/api/data/v9.2/";

    private static final Logger LOG = LoggerFactory.getLogger(DataverseWebApi.class);

    /** The ids WhoAmI returns: the application user, its business unit and the organization. */
    record Identity(UUID userId, UUID businessUnitId, UUID organizationId) {}

    private final DataverseTokens tokens;
    private final DataverseFaults faults;
    private final Clock clock;
    private final String clientId;
    private final Identity identity;
    private final Supplier<String> wwwAuthenticate;
    private final Supplier<String> serviceRoot;
    private final DataverseMetadataEndpoint metadata;
    private final DataverseLeadsEndpoint leads;
    private final DataverseCurrencies currencies;
    private final DataverseBatchEndpoint batch;

    DataverseWebApi(
            DataverseTokens tokens,
            DataverseFaults faults,
            Clock clock,
            String clientId,
            Identity identity,
            Supplier<String> wwwAuthenticate,
            Supplier<String> serviceRoot,
            DataverseMetadataEndpoint metadata,
            DataverseLeadsEndpoint leads,
            DataverseCurrencies currencies,
            DataverseLeads store) {
        this.tokens = tokens;
        this.faults = faults;
        this.clock = clock;
        this.clientId = clientId;
        this.identity = identity;
        this.wwwAuthenticate = wwwAuthenticate;
        this.serviceRoot = serviceRoot;
        this.metadata = metadata;
        this.leads = leads;
        this.currencies = currencies;
        this.batch = new DataverseBatchEndpoint(store, this::item);
    }

    /** A request on its own (not inside a batch). */
    Reply handle(Request r) {
        Optional<Reply> unauthorized = authenticate(r);
        if (unauthorized.isPresent()) {
            return odata(unauthorized.get());
        }
        DataverseFaultTarget target = target(r);
        Optional<Reply> fault = DataverseFaultReplies.apply(faults.take(target), r, clock, clientId);
        if (fault.isPresent()) {
            return odata(fault.get());
        }
        return odata(safely(r, () -> target == DataverseFaultTarget.BATCH ? batch.handle(r) : route(r)));
    }

    /** One operation of a batch: already authenticated with the batch; item faults apply instead of the others. */
    Reply item(Request r) {
        Optional<Reply> fault =
                DataverseFaultReplies.apply(faults.take(DataverseFaultTarget.BATCH_ITEM), r, clock, clientId);
        if (fault.isPresent()) {
            return odata(fault.get());
        }
        if (r.path().equals(ROOT + "$batch")) {
            return odata(DataverseErrors.badRequest("", "Batch requests cannot contain other batch requests."));
        }
        return odata(safely(r, () -> route(r)));
    }

    private Reply route(Request r) {
        String rel = r.path().substring(ROOT.length());
        if (rel.equals("WhoAmI") || rel.equals("WhoAmI()")) {
            return r.isGet() ? whoAmI() : DataverseErrors.notSupported("WhoAmI is a function: use GET.");
        }
        if (rel.startsWith("EntityDefinitions")) {
            return metadata.handle(r, rel.substring("EntityDefinitions".length()));
        }
        if (rel.startsWith("transactioncurrencies")) {
            return r.isGet()
                    ? currencies.get(r, rel.substring("transactioncurrencies".length()), serviceRoot.get())
                    : DataverseErrors.notSupported("transactioncurrencies are read-only here.");
        }
        if (rel.equals("leads") || rel.startsWith("leads(")) {
            return leads.handle(r, rel.substring("leads".length()));
        }
        // UNCONFIRMED code; the wording is OData's.
        return DataverseErrors.error(404, "", "Resource not found for the segment '" + rel + "'.");
    }

    private Reply whoAmI() {
        return Reply.json(
                200,
                Json.object()
                        .put("@odata.context", serviceRoot.get() + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse")
                        .put("BusinessUnitId", identity.businessUnitId().toString())
                        .put("UserId", identity.userId().toString())
                        .put("OrganizationId", identity.organizationId().toString()));
    }

    private Optional<Reply> authenticate(Request r) {
        String header = r.header("Authorization").orElse("").trim();
        boolean bearer = header.regionMatches(true, 0, "Bearer ", 0, 7);
        if (bearer && tokens.check(header.substring(7).trim()) == AccessCheck.VALID) {
            return Optional.empty();
        }
        // The 401 body shape is UNCONFIRMED (dataverse.md §1): sent empty, with a challenge naming the authority and
        // the resource, as Dataverse's is commonly reported.
        return Optional.of(new Reply(401, java.util.Map.of("WWW-Authenticate", wwwAuthenticate.get()), new byte[0]));
    }

    private static DataverseFaultTarget target(Request r) {
        String rel = r.path().substring(ROOT.length());
        if (rel.equals("$batch")) {
            return DataverseFaultTarget.BATCH;
        }
        if (rel.startsWith("WhoAmI")) {
            return DataverseFaultTarget.WHO_AM_I;
        }
        if (rel.startsWith("EntityDefinitions")) {
            return DataverseFaultTarget.METADATA;
        }
        return r.isGet() ? DataverseFaultTarget.READ : DataverseFaultTarget.UPSERT;
    }

    private static Reply safely(Request r, Supplier<Reply> work) {
        try {
            return work.get();
        } catch (DataverseRejection e) {
            return e.reply();
        } catch (IllegalArgumentException e) {
            return DataverseErrors.badRequest("", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("dataverse simulator failed on {} {}", r.method(), r.path(), e);
            return DataverseErrors.error(
                    500, "", "The simulator failed: " + e.getClass().getSimpleName());
        }
    }

    /** What every Web API response carries: OData-Version, the OData JSON content type, REQ_ID on errors. */
    static Reply odata(Reply reply) {
        Reply out = reply.withHeader("OData-Version", "4.0");
        String type = reply.headers().getOrDefault("Content-Type", "");
        if (type.startsWith("application/json")) {
            out = out.withHeader("Content-Type", DataverseErrors.JSON);
        }
        if (reply.status() >= 400) {
            out = out.withHeader("REQ_ID", UUID.randomUUID().toString());
        }
        return out;
    }

    /** Percent-decoding for a path: unlike a form, '+' stays a plus. */
    static String decodePath(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
