package io.hunterreferrals.server;

import ch.qos.logback.classic.Level;
import io.hunterreferrals.app.config.HttpSettings;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.config.LogFormat;
import io.hunterreferrals.app.config.NotifySettings;
import io.hunterreferrals.app.config.ParsedSettings;
import io.hunterreferrals.app.config.SettingProblem;
import io.hunterreferrals.app.config.SettingsParser;
import io.hunterreferrals.app.config.WebhookSettings;
import io.hunterreferrals.app.logging.LogSetup;
import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.app.wiring.PartnerCenterWiring;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs the server in the foreground until SIGTERM or Ctrl-C: settings parsed once, logging configured (JSON in
 * production, to stdout), demo set up if asked, then {@link HunterServer}; the JVM's shutdown hook closes it
 * gracefully.
 */
public final class ServerLauncher {

    private ServerLauncher() {}

    /** A new referral in the demo's Partner Center this often, so its syncs have news to tell. */
    private static final java.time.Duration DEMO_ARRIVALS = java.time.Duration.ofSeconds(45);

    /**
     * Blocks until the process is asked to stop.
     *
     * @throws ServerStartupException when the configuration is invalid or the server cannot start
     */
    public static void run(ServerOptions options, Map<String, String> environment, Path workingDir) {
        ParsedSettings parsed = SettingsParser.load(environment, workingDir);
        DemoMode demo = null;
        try {
            ServerSetup setup;
            if (options.demo()) {
                LogSetup.configure(
                        parsed.settings().map(HunterSettings::logFormat).orElse(LogFormat.CONSOLE),
                        LogSetup.Target.STDOUT,
                        Level.INFO);
                demo = DemoMode.start(workingDir, DemoMode.DEFAULT_REFERRALS);
                setup = demoSetup(demo, parsed, options.role());
            } else {
                HunterSettings settings = parsed.settings().orElseThrow(() -> invalid(parsed.problems()));
                LogSetup.configure(settings.logFormat(), LogSetup.Target.STDOUT, Level.INFO);
                // against a standalone simulator (HUNTER_PARTNER_CENTER_SIMULATOR_URL) health and logs say "simulated"
                setup = new ServerSetup(
                        settings,
                        options.role(),
                        SchedulerTuning.DEFAULTS,
                        Optional.empty(),
                        settings.partnerCenter().simulatorUrl().isPresent());
            }
            HunterServer server = HunterServer.start(setup);
            awaitShutdown(server, demo);
        } catch (RuntimeException e) {
            if (demo != null) {
                demo.close();
            }
            throw e;
        }
    }

    /** The demo's own database, token cache and simulator; host, port and key still come from the settings if valid. */
    private static ServerSetup demoSetup(DemoMode demo, ParsedSettings parsed, ServerRole role) {
        HttpSettings http = parsed.settings()
                .map(HunterSettings::http)
                .orElseGet(() -> new HttpSettings("127.0.0.1", 8000, List.of()));
        HunterSettings settings = demo.settings(
                        parsed.settings().map(HunterSettings::logFormat).orElse(LogFormat.CONSOLE),
                        http,
                        parsed.settings().map(HunterSettings::notifications).orElse(NotifySettings.OFF))
                // the endpoint's loopback URL is registered once the port is known (ServerWebhooks.registerWithDemo)
                .withWebhooks(new WebhookSettings(true, Optional.empty()));
        demo.startArrivals(DEMO_ARRIVALS);
        demo.signIn(PartnerCenterWiring.auth(settings.partnerCenter(), demo.msalTransport()));
        return new ServerSetup(settings, role, SchedulerTuning.DEFAULTS, demo.msalTransport(), true, Optional.of(demo));
    }

    private static ServerStartupException invalid(List<SettingProblem> problems) {
        return new ServerStartupException("The configuration is invalid (run `hunter config check`):\n"
                + problems.stream().map(p -> "  " + p.describe()).collect(Collectors.joining("\n")));
    }

    private static void awaitShutdown(HunterServer server, DemoMode demo) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.close();
                                if (demo != null) {
                                    demo.close();
                                }
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "hunter-server-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
