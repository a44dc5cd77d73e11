package io.hunterreferrals.app.wiring;

import com.microsoft.aad.msal4j.IHttpClient;
import io.hunterreferrals.app.config.DynamicsSettings;
import io.hunterreferrals.app.config.Environment;
import io.hunterreferrals.app.config.HttpSettings;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.config.LogFormat;
import io.hunterreferrals.app.config.NotifySettings;
import io.hunterreferrals.app.config.PartnerCenterSettings;
import io.hunterreferrals.core.filter.ReferralFilter;
import io.hunterreferrals.core.push.PushFilter;
import io.hunterreferrals.dynamics.DataverseClients;
import io.hunterreferrals.partnercenter.LoopbackRoutingHttpClient;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import io.hunterreferrals.partnercenter.SignInResult;
import io.hunterreferrals.postgres.DatabaseSettings;
import io.hunterreferrals.simulator.DataverseSimulator;
import io.hunterreferrals.simulator.DataverseSimulatorBuilder;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The product against an in-process Partner Center simulator, so a newcomer sees a real sync within seconds: seeded
 * sample referrals, a sign-in that approves itself, and its own data folder ({@code .hunter/demo/postgres}) and token
 * cache ({@code .hunter/demo/token_cache}), so demo data never mixes with real data. Everything else (MSAL, the
 * Referrals client, the sync, PostgreSQL) is the production code.
 */
public final class DemoMode implements AutoCloseable {

    /** Relative to the working directory. */
    public static final Path DEMO_DIR = Path.of(".hunter", "demo");

    public static final int DEFAULT_REFERRALS = 250;
    /** Same seed, same sample referrals, so a second demo run shows unchanged referrals being skipped. */
    static final long SEED = 2025;

    static final String CLIENT_ID = "d3a0d3a0-0000-4000-8000-00000000de70";

    private final PartnerCenterSimulator simulator;
    private final ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hunter-demo-arrivals");
        thread.setDaemon(true);
        return thread;
    });
    private final DataverseSimulator dataverse;
    private final Path workingDir;
    private final URI authority;

    private DemoMode(PartnerCenterSimulator simulator, DataverseSimulator dataverse, Path workingDir) {
        this.simulator = simulator;
        this.dataverse = dataverse;
        this.workingDir = workingDir.toAbsolutePath().normalize();
        // A fresh host per start: MSAL keeps some per-authority state JVM-wide, and each simulator is a new tenant of
        // sorts.
        this.authority =
                URI.create("https://login-" + UUID.randomUUID().toString().substring(0, 8) + ".demo.simulator.test/"
                        + simulator.identity().tenantId());
    }

    /** Starts the simulator on a free loopback port with {@code referrals} sample referrals. */
    public static DemoMode start(Path workingDir, int referrals) {
        PartnerCenterSimulator simulator = PartnerCenterSimulator.builder()
                .port(0)
                .seed(SEED)
                .referrals(referrals)
                .pollIntervalSeconds(0)
                .autoApproveAfterPolls(1)
                .build()
                .start();
        // Hamle 2's destination: a simulated Dynamics 365 whose lead columns and key are already set up.
        DataverseSimulator dataverse = DataverseSimulator.builder()
                .port(0)
                .seed(SEED)
                .clientSecret("demo-" + UUID.randomUUID())
                .setup(DataverseSimulatorBuilder.Setup.READY)
                .build()
                .start();
        return new DemoMode(simulator, dataverse, workingDir);
    }

    public PartnerCenterSimulator simulator() {
        return simulator;
    }

    /** The simulated Dynamics 365 the demo pushes leads to; it starts empty on every demo. */
    public DataverseSimulator dataverse() {
        return dataverse;
    }

    public Path dataDir() {
        return workingDir.resolve(DEMO_DIR);
    }

    /** Settings that point at the simulator and the demo's own database and token cache. */
    public HunterSettings settings(LogFormat logFormat, HttpSettings http) {
        return settings(logFormat, http, NotifySettings.OFF);
    }

    /**
     * As {@link #settings(LogFormat, HttpSettings)}, with the operator's notification channels: {@code hunter server
     * --demo} with a local receiver configured shows events arriving as the demo syncs.
     */
    public HunterSettings settings(LogFormat logFormat, HttpSettings http, NotifySettings notifications) {
        PartnerCenterSettings partnerCenter = new PartnerCenterSettings(
                true,
                Optional.of(CLIENT_ID),
                Optional.of(simulator.identity().tenantId()),
                Optional.of(authority),
                simulator.baseUri(),
                "v1.0",
                PartnerCenterSimulator.PARTNER_CENTER_SCOPE,
                dataDir().resolve("token_cache"),
                100,
                10_000,
                PartnerCenterSettings.DEFAULT_REQUEST_TIMEOUT,
                Optional.empty());
        return new HunterSettings(
                Environment.DEVELOPMENT,
                logFormat,
                partnerCenter,
                Duration.ofSeconds(30),
                ReferralFilter.DEFAULT,
                DatabaseSettings.embedded(dataDir().resolve("postgres")),
                http,
                new DynamicsSettings(
                        true,
                        Optional.of(URI.create(dataverse.orgUrl())),
                        Optional.of(dataverse.tenantId()),
                        Optional.of(dataverse.clientId()),
                        Optional.of(dataverse.clientSecret()),
                        Optional.empty(),
                        Optional.empty(),
                        DynamicsSettings.OFF.columnPrefix(),
                        DynamicsSettings.OFF.batchSize(),
                        DynamicsSettings.OFF.maxAttempts(),
                        PushFilter.ALL,
                        DynamicsSettings.OFF.requestTimeout(),
                        false, // the write-back of lead ids stays off, as its setting's default
                        Optional.of(URI.create(dataverse.baseUrl()))),
                notifications);
    }

    /**
     * Readies the demo's simulated Dynamics 365 for a push, as an operator would: what {@code hunter dynamics setup
     * --apply} does (the lead columns and key), and, since that Dynamics starts empty on every demo, the push states of
     * an earlier demo are forgotten, so every stored referral becomes a lead in this one.
     */
    public DataverseClients prepareDynamics(HunterSettings settings, Storage storage) {
        storage.pushStates().forgetAll();
        DataverseClients clients = DynamicsWiring.clients(settings.dynamics());
        clients.setup().apply(progress -> {});
        return clients;
    }

    /** MSAL's requests for the demo authority go to the simulator; any other host is refused. */
    public Optional<IHttpClient> msalTransport() {
        return Optional.of(LoopbackRoutingHttpClient.forAuthority(authority, simulator.baseUri()));
    }

    /**
     * Signs in as the simulator's operator. A cache left by an earlier demo holds tokens of a simulator that is gone,
     * so it is replaced.
     */
    public SignInResult signIn(PartnerCenterAuth auth) {
        auth.logout();
        return auth.signIn(prompt -> {
            // approved by the simulator on its first poll: nothing to show
        });
    }

    /**
     * A new co-sell referral arrives in the simulated Partner Center every {@code every}, as in a partner's day: the
     * demo's background syncs take them in, and a configured notification channel hears of each
     * ({@code referral.created}). Stopped by {@link #close()}.
     */
    public void startArrivals(Duration every) {
        arrivals.scheduleWithFixedDelay(
                () -> simulator.referrals().addNew(r -> {
                    r.put("type", "Shared");
                    r.put("direction", "Incoming");
                    r.put("status", "New");
                    r.put("substatus", "Received");
                }),
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        arrivals.shutdownNow();
        dataverse.close();
        simulator.close();
    }
}
