package io.hunterreferrals.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Entra ID (client-credentials grant) plus Dynamics 365 / Dataverse Web API on its own loopback port, behaving
 * as dataverse.md documents: token endpoint, WhoAmI, lead metadata (columns, alternate key and its index job),
 * transactioncurrencies, lead upserts by alternate key, {@code $batch}, faults on demand, a journal and admin levers.
 *
 * <pre>{@code
 * try (DataverseSimulator sim = DataverseSimulator.builder().seed(7).build().start()) {
 *     String api = sim.serviceRoot();                 // http://127.0.0.1:PORT/api/data/v9.2/
 *     String token = sim.tokens().issueAccessToken();  // or POST sim.authority() + "oauth2/v2.0/token"
 *     sim.faults().inject(DataverseFault.tooManyRequests(2));
 *     ... sim.leads().byReferralId(id) ... sim.journal().toPath(DataverseSimulator.API_PATH) ...
 * }
 * }</pre>
 *
 * <p>Lives in the simulator package, next to {@link PartnerCenterSimulator}, to reuse its package-private HTTP front,
 * request/reply records, JSON helper and journal without making them public API. Thread-safe.
 */
public final class DataverseSimulator implements AutoCloseable {

    public static final String API_PATH = DataverseWebApi.ROOT;

    private static final Logger LOG = LoggerFactory.getLogger(DataverseSimulator.class);
    private static final Pattern TOKEN_PATH =
            Pattern.compile("^/([^/]+)/oauth2/v2\\.0/token$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISCOVERY_PATH =
            Pattern.compile("^/([^/]+)/v2\\.0/\\.well-known/openid-configuration$", Pattern.CASE_INSENSITIVE);

    private final DataverseSimulatorBuilder config;
    private final DataverseIds ids;
    private final DataverseTokens tokens;
    private final DataverseFaults faults = new DataverseFaults();
    private final RequestJournal journal;
    private final DataverseLeads leads;
    private final DataverseMetadata metadata;
    private final DataverseCurrencies currencies;
    private final DataverseWebApi.Identity identity;
    private final DataverseTokenEndpoint tokenEndpoint;
    private final DataverseWebApi webApi;
    private final DataverseAdminEndpoint admin;
    private volatile HttpServer server;
    private volatile ExecutorService executor;
    private volatile String baseUrl;

    DataverseSimulator(DataverseSimulatorBuilder b) {
        this.config = b;
        this.ids = new DataverseIds(b.seed);
        this.identity = new DataverseWebApi.Identity(
                ids.uuid("systemuser", b.clientId), ids.uuid("businessunit"), ids.uuid("organization"));
        this.tokens = new DataverseTokens(b.clock, b.accessTokenLifetime, b.clientId, scope());
        this.journal = new RequestJournal(b.journalCapacity);
        this.leads = new DataverseLeads(
                keyColumn(), ids, b.clock, identity.userId(), () -> metadata().isActiveKey(keyColumn()));
        this.metadata = new DataverseMetadata(leads, ids, b.clock, keyColumn(), b.keyIndexPolls, b.keyIndexDuration);
        this.currencies = new DataverseCurrencies(ids, b.baseCurrency);
        this.tokenEndpoint = new DataverseTokenEndpoint(
                tokens,
                b.clock,
                b.tenantId,
                b.clientId,
                b.clientSecret,
                b.certificate,
                () -> List.of(b.orgUrl, baseUrl()));
        DataverseLeadWrites writes = new DataverseLeadWrites(metadata, currencies, identity.userId(), keyColumn());
        this.webApi = new DataverseWebApi(
                tokens,
                faults,
                b.clock,
                b.clientId,
                identity,
                this::challenge,
                this::serviceRoot,
                new DataverseMetadataEndpoint(metadata, ids, b.columnPrefix, this::serviceRoot),
                new DataverseLeadsEndpoint(leads, metadata, writes, currencies, keyColumn(), this::serviceRoot),
                currencies,
                leads);
        this.admin = new DataverseAdminEndpoint(this);
        resetMetadata();
    }

    public static DataverseSimulatorBuilder builder() {
        return new DataverseSimulatorBuilder();
    }

    /** Binds the port and starts serving; returns this for chaining. */
    public synchronized DataverseSimulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(config.host), config.port), 0);
            // Virtual threads: a delay fault parks one request without starving the others.
            executor = Executors.newVirtualThreadPerTaskExecutor();
            s.setExecutor(executor);
            s.createContext(
                    "/", new HttpFront("dataverse", config.clock, journal, this::route, DataverseSimulator::redact));
            s.start();
            String host = config.host.contains(":") ? "[" + config.host + "]" : config.host;
            baseUrl = "http://" + host + ":" + s.getAddress().getPort();
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + config.host + ":" + config.port, e);
        }
        LOG.atInfo().addKeyValue("url", baseUrl).log("dataverse_simulator_started");
        return this;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            LOG.atInfo().addKeyValue("url", baseUrl).log("dataverse_simulator_stopped");
        }
    }

    // ---- where it is and what to configure ------------------------------------------------------------------------

    /** {@code http://127.0.0.1:PORT}, no trailing slash: the environment URL a client should call. */
    public String baseUrl() {
        String url = baseUrl;
        if (url == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return url;
    }

    public URI baseUri() {
        return URI.create(baseUrl());
    }

    public int port() {
        return baseUri().getPort();
    }

    /** {@code http://127.0.0.1:PORT/api/data/v9.2/}, with the trailing slash. */
    public String serviceRoot() {
        return baseUrl() + API_PATH;
    }

    /** Base URL plus the tenant and a trailing slash, as MSAL spells an authority (over plain HTTP). */
    public String authority() {
        return baseUrl() + "/" + config.tenantId + "/";
    }

    public String tenantId() {
        return config.tenantId;
    }

    public String clientId() {
        return config.clientId;
    }

    public String clientSecret() {
        return config.clientSecret;
    }

    /** The org URL tokens are issued for, e.g. {@code https://hunter-sim.crm4.dynamics.com}; never called itself. */
    public String orgUrl() {
        return config.orgUrl;
    }

    /** {@code <org URL>/.default}; the token endpoint also accepts {@code <baseUrl>/.default}. */
    public String scope() {
        return config.orgUrl + "/.default";
    }

    public String columnPrefix() {
        return config.columnPrefix;
    }

    /** {@code <prefix>_partnercenterreferralid}: the column of the alternate key leads are upserted by. */
    public String keyColumn() {
        return config.columnPrefix + "_partnercenterreferralid";
    }

    /** The SchemaName the pre-created key gets: {@code <prefix>_PartnerCenterReferralIdKey}. */
    public String keySchemaName() {
        return config.columnPrefix + "_PartnerCenterReferralIdKey";
    }

    /** WhoAmI's UserId: the application user, also every created lead's owner. */
    public UUID applicationUserId() {
        return identity.userId();
    }

    public UUID businessUnitId() {
        return identity.businessUnitId();
    }

    public UUID organizationId() {
        return identity.organizationId();
    }

    /** The transactioncurrencyid of USD, EUR, TRY or GBP. */
    public UUID currencyId(String isoCode) {
        return currencies
                .byIso(isoCode)
                .orElseThrow(() -> new IllegalArgumentException("no currency " + isoCode))
                .id();
    }

    // ---- state and levers -----------------------------------------------------------------------------------------

    public DataverseTokens tokens() {
        return tokens;
    }

    public DataverseLeads leads() {
        return leads;
    }

    public DataverseMetadata metadata() {
        return metadata;
    }

    public DataverseFaults faults() {
        return faults;
    }

    /** Every request received, Authorization values and client secrets redacted; batch items are in the body. */
    public RequestJournal journal() {
        return journal;
    }

    /** Leads, faults and journal emptied, metadata back to the builder's setup. Issued tokens stay valid. */
    public void reset() {
        synchronized (leads) {
            leads.clear();
            resetMetadata();
        }
        faults.clear();
        journal.clear();
    }

    private void resetMetadata() {
        boolean columns = config.setup != DataverseSimulatorBuilder.Setup.EMPTY;
        List<DataverseColumn> custom = new java.util.ArrayList<>();
        if (columns) {
            custom.add(new DataverseColumn(
                    keyColumn(),
                    config.columnPrefix + "_PartnerCenterReferralId",
                    DataverseColumn.Type.STRING,
                    100,
                    true,
                    true,
                    List.of()));
            custom.addAll(config.extraColumns);
        }
        metadata.reset(custom, config.setup == DataverseSimulatorBuilder.Setup.READY, keySchemaName());
    }

    private Reply route(Request r) {
        String path = r.path();
        if (path.startsWith(DataverseAdminEndpoint.PREFIX + "/")) {
            return admin.handle(r);
        }
        if (path.startsWith(API_PATH)) {
            return webApi.handle(r);
        }
        Matcher token = TOKEN_PATH.matcher(path);
        if (token.matches()) {
            var fault = DataverseFaultReplies.apply(
                    faults.take(DataverseFaultTarget.TOKEN), r, config.clock, config.clientId);
            return fault.orElseGet(() -> tokenEndpoint.token(r, token.group(1)));
        }
        Matcher discovery = DISCOVERY_PATH.matcher(path);
        if (discovery.matches()) {
            // Only clients built with an OIDC authority read this; MSAL's AAD authorities do not (see README).
            String issuer = baseUrl() + "/" + discovery.group(1) + "/v2.0";
            return Reply.json(
                    200,
                    Json.object()
                            .put("issuer", issuer)
                            .put("token_endpoint", baseUrl() + "/" + discovery.group(1) + "/oauth2/v2.0/token")
                            .put(
                                    "authorization_endpoint",
                                    baseUrl() + "/" + discovery.group(1) + "/oauth2/v2.0/authorize"));
        }
        return DataverseWebApi.odata(DataverseErrors.error(404, "", "The simulator has no resource at " + path + "."));
    }

    private String challenge() {
        return "Bearer authorization_uri=" + authority() + "oauth2/authorize, resource_id=" + config.orgUrl + "/";
    }

    /** The journal keeps whether credentials were sent, never their values. */
    static RecordedRequest redact(RecordedRequest r) {
        Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
        headers.computeIfPresent(
                "authorization",
                (k, v) -> v.stream()
                        .map(a -> a.regionMatches(true, 0, "Bearer ", 0, 7) ? "Bearer [redacted]" : "[redacted]")
                        .toList());
        String body = r.body() == null
                ? null
                : r.body().replaceAll("(^|&)client_secret=[^&]*", "$1client_secret=%5Bredacted%5D");
        return new RecordedRequest(r.receivedAt(), r.method(), r.path(), r.rawQuery(), r.queryParams(), headers, body);
    }
}
