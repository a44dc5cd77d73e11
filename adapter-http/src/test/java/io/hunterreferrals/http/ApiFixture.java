package io.hunterreferrals.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.domainname.CompanyDomainExtractor;
import io.hunterreferrals.core.leadimport.CompanyImport;
import io.hunterreferrals.core.link.ReferralLinks;
import io.hunterreferrals.core.push.PushDispatcher;
import io.hunterreferrals.core.push.PushFilter;
import io.hunterreferrals.core.push.PushListener;
import io.hunterreferrals.core.push.PushReferrals;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.core.sync.ReferralRecord;
import io.hunterreferrals.core.sync.ReferralSync;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncQueue;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncSettings;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.core.testing.InMemoryCompanyDirectory;
import io.hunterreferrals.core.testing.InMemoryLeadDestination;
import io.hunterreferrals.core.testing.InMemoryLeadQueries;
import io.hunterreferrals.core.testing.InMemoryPushQueries;
import io.hunterreferrals.core.testing.InMemoryPushRunLog;
import io.hunterreferrals.core.testing.InMemoryPushStateStore;
import io.hunterreferrals.core.testing.InMemoryReferralQueries;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.core.testing.InMemoryReferralStore;
import io.hunterreferrals.core.testing.InMemorySyncRunLog;
import io.hunterreferrals.core.testing.InMemorySyncRunQueries;
import io.hunterreferrals.core.testing.PushCandidates;
import io.hunterreferrals.core.testing.RecordingSyncDispatcher;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A real server on a free loopback port over core's in-memory ports (real ReferralLinks, CompanyImport and SyncQueue
 * with a recording dispatcher), and an HTTP client to call it.
 */
final class ApiFixture implements AutoCloseable {

    static final String KEY = "test-key-0123456789abcdef";
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final InMemoryReferralSource source = new InMemoryReferralSource(10);
    final InMemoryReferralStore store = new InMemoryReferralStore();
    final InMemoryCompanyDirectory companies = new InMemoryCompanyDirectory();
    final InMemorySyncRunLog runLog = new InMemorySyncRunLog();
    final RecordingSyncDispatcher dispatcher = new RecordingSyncDispatcher();
    final AtomicBoolean partnerCenterEnabled = new AtomicBoolean(true);
    final FakeHealth health = new FakeHealth();
    final InMemoryPushRunLog pushRuns = new InMemoryPushRunLog();
    final InMemoryPushStateStore pushStates = new InMemoryPushStateStore();
    final InMemoryLeadDestination leads = new InMemoryLeadDestination(50);
    final List<PushTrigger> pushesDispatched = new CopyOnWriteArrayList<>();
    final Javalin app;

    private ApiFixture(HttpApi.Role role, boolean dynamics, Consumer<HttpApi.Builder> customize) {
        InMemoryReferralQueries referralQueries = new InMemoryReferralQueries(store, companies);
        HttpApi.Builder builder = HttpApi.builder()
                .health(health)
                .partnerCenterEnabled(partnerCenterEnabled::get)
                .metrics(() -> "# HELP hunter_up 1 when up\n# TYPE hunter_up gauge\nhunter_up 1\n")
                .requestSync(new SyncQueue(runLog, dispatcher, Clock.systemUTC()))
                .syncRuns(new InMemorySyncRunQueries(runLog))
                .quarantine(store)
                .referrals(referralQueries)
                .referralLinks(new ReferralLinks(store, companies, referralQueries))
                .leads(new InMemoryLeadQueries(companies, store))
                .companyImport(new CompanyImport(new TestCsvRowReader(), companies))
                .pushQueries(new InMemoryPushQueries(pushRuns, pushStates));
        if (dynamics) {
            builder.dynamicsPush(new DynamicsPush(
                    new PushReferrals(
                            leads,
                            pushStates,
                            pushRuns,
                            PushFilter.ALL,
                            3,
                            PushListener.all(List.of()),
                            () -> false,
                            Clock.systemUTC()),
                    trigger -> {
                        boolean first = pushesDispatched.isEmpty();
                        pushesDispatched.add(trigger);
                        return first ? PushDispatcher.Dispatched.QUEUED : PushDispatcher.Dispatched.ALREADY_QUEUED;
                    }));
        }
        customize.accept(builder);
        this.app = builder.build(role).start("127.0.0.1", 0);
    }

    static ApiFixture start() {
        return start(HttpApi.Role.API, b -> {});
    }

    static ApiFixture start(HttpApi.Role role, Consumer<HttpApi.Builder> customize) {
        return new ApiFixture(role, false, customize);
    }

    /** With the push to Dynamics 365 on: an in-memory destination, a dispatcher that records what it was handed. */
    static ApiFixture startWithDynamics() {
        return new ApiFixture(HttpApi.Role.API, true, b -> {});
    }

    /** Stores referrals the way a sync does. */
    ApiFixture withReferrals(Referral... referrals) {
        source.put(referrals);
        new ReferralSync(
                        source,
                        store,
                        companies,
                        runLog,
                        SyncSettings.DEFAULT,
                        new ClassificationRulePcV1(),
                        Clock.systemUTC(),
                        SyncListener.NONE)
                .sync(SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL));
        // the push reads the same referrals from its own store
        for (Referral referral : referrals) {
            var classification = new ClassificationRulePcV1().classify(referral);
            var domain = new CompanyDomainExtractor().extract(referral);
            pushStates.put(PushCandidates.stored(new ReferralRecord(
                    referral,
                    classification,
                    domain,
                    Optional.empty(),
                    ContentHash.of(referral, classification, domain))));
        }
        return this;
    }

    Response get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    Response post(String path, String json, String... headers) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    Response post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    Response send(String method, String path, String... headers) {
        return send(request(path, headers)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    record Response(int status, HttpHeaders headers, byte[] bytes) {

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body(), e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String errorCode() {
            return json().path("error").path("code").asText(null);
        }

        String errorMessage() {
            return json().path("error").path("message").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }

    /** Health the tests can change. */
    static final class FakeHealth implements HealthProbe {
        volatile boolean databaseUp = true;
        volatile PartnerCenterAuthState auth = PartnerCenterAuthState.OK;
        volatile boolean simulated;

        @Override
        public boolean databaseUp() {
            return databaseUp;
        }

        @Override
        public PartnerCenterAuthState partnerCenterAuth() {
            return auth;
        }

        @Override
        public String version() {
            return "1.2.3-test";
        }

        @Override
        public String commit() {
            return "0123456789ab";
        }

        @Override
        public boolean simulated() {
            return simulated;
        }
    }
}
