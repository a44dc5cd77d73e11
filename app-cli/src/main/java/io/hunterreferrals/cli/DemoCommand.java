package io.hunterreferrals.cli;

import io.hunterreferrals.app.config.HttpSettings;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.config.LogFormat;
import io.hunterreferrals.app.config.ParsedSettings;
import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.app.wiring.DynamicsWiring;
import io.hunterreferrals.app.wiring.PartnerCenterWiring;
import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.core.push.PushOutcome;
import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.query.InboxQuery;
import io.hunterreferrals.core.query.InboxSort;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.query.ReferralSummary;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.dynamics.DataverseClients;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job, end to end, with nothing to set up: an in-process Partner Center simulator, a device-code sign-in that
 * approves itself, and the real sync into an embedded PostgreSQL kept apart from real data in {@code .hunter/demo}.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run a real sync against a simulated Partner Center (sample data, no account needed). "
                + "Data goes to .hunter/demo, never to your real database.")
final class DemoCommand implements Callable<Integer> {

    private static final String BANNER =
            "DEMO MODE: every referral shown here is SIMULATED sample data from a local Partner "
                    + "Center simulator, not from Microsoft.";

    @Option(
            names = "--referrals",
            defaultValue = "" + DemoMode.DEFAULT_REFERRALS,
            description = "How many sample referrals the simulator serves (default ${DEFAULT-VALUE}).")
    int referrals;

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = context.out();
        out.println(BANNER);
        out.println();
        try (DemoMode demo = DemoMode.start(context.workingDir(), referrals)) {
            HunterSettings settings = demo.settings(logFormat(), new HttpSettings("127.0.0.1", 8000, List.of()));
            PartnerCenterAuth auth = PartnerCenterWiring.auth(settings.partnerCenter(), demo.msalTransport());
            demo.signIn(auth);
            out.println("Signed in to the simulator (device-code flow, approved automatically); token cache: "
                    + auth.tokenCachePath());
            out.println(
                    "Database: embedded PostgreSQL in " + settings.database().embeddedDataDir());
            out.println();
            out.flush();
            try (Storage storage = context.openStorage(settings.database())) {
                int exit = new SyncRun(context)
                        .run(settings, auth, storage, SyncRequest.of(SyncTrigger.CLI, SyncMode.INCREMENTAL));
                printLatest(storage, out);
                pushToDynamics(demo, settings, auth, storage, out);
                printNextSteps(demo, out);
                return exit;
            }
        }
    }

    private static void printLatest(Storage storage, PrintWriter out) {
        List<ReferralSummary> latest = storage.referralQueries()
                .inbox(new InboxQuery(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        InboxSort.DEFAULT,
                        new PageRequest(1, 5)))
                .items();
        out.println();
        out.println("Latest simulated referrals:");
        TextTable table = new TextTable("REFERRAL ID", "TYPE", "STATUS", "LINK", "DOMAIN");
        latest.forEach(r -> table.add(
                r.id().value(),
                ReferralViews.type(r.referralType()),
                r.status(),
                r.linkStatus().code(),
                r.domain().map(Object::toString).orElse(null)));
        table.print(out);
    }

    /** Hamle 2 on the demo data: the stored referrals become leads in a simulated Dynamics 365. */
    private static void pushToDynamics(
            DemoMode demo, HunterSettings settings, PartnerCenterAuth auth, Storage storage, PrintWriter out) {
        DataverseClients clients = demo.prepareDynamics(settings, storage);
        PushOutcome outcome = DynamicsWiring.pushReferrals(
                        clients, storage, settings, () -> auth, List.of(), () -> false)
                .push(PushRequest.of(PushTrigger.CLI));
        out.println();
        if (outcome instanceof PushOutcome.Finished finished
                && finished.report().error().isEmpty()) {
            PushReport report = finished.report();
            out.println("Hamle 2: pushed to the SIMULATED Dynamics 365 as leads: " + report.created() + " created, "
                    + report.updated() + " updated, " + report.failedCount() + " refused; the simulated Dynamics now "
                    + "holds " + demo.dataverse().leads().size()
                    + " leads (`hunter dynamics push` does this for real).");
        } else if (outcome instanceof PushOutcome.Finished finished) {
            out.println("Hamle 2: the push to the simulated Dynamics 365 failed: "
                    + finished.report()
                            .error()
                            .map(e -> e.code().code() + ": " + e.message())
                            .orElse("?"));
        } else {
            out.println("Hamle 2: another push is running; none was started.");
        }
    }

    private static void printNextSteps(DemoMode demo, PrintWriter out) {
        out.println();
        out.println(BANNER);
        out.println("Run `hunter demo` again: the same sample data is found unchanged and skipped.");
        out.println("Browse the demo data: HUNTER_DATABASE_EMBEDDED_DIR=" + DemoMode.DEMO_DIR.resolve("postgres")
                + " hunter referrals list   (or: ... hunter db shell)");
        out.println("Real referrals: set up .env (`hunter config check`), then `hunter auth login` and `hunter sync`.");
    }

    /** The demo needs no configuration, but honours HUNTER_LOG_FORMAT when it parses. */
    private LogFormat logFormat() {
        try {
            ParsedSettings parsed = context.parsedSettings();
            return parsed.settings().map(HunterSettings::logFormat).orElse(LogFormat.CONSOLE);
        } catch (CliException e) {
            return LogFormat.CONSOLE;
        }
    }
}
