package io.hunterreferrals.app.bench;

import ch.qos.logback.classic.Level;
import io.hunterreferrals.app.config.DynamicsSettings;
import io.hunterreferrals.app.config.HttpSettings;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.config.LogFormat;
import io.hunterreferrals.app.logging.LogSetup;
import io.hunterreferrals.app.logging.PushEventLogger;
import io.hunterreferrals.app.wiring.CurrentSyncRun;
import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.app.wiring.DynamicsWiring;
import io.hunterreferrals.app.wiring.PartnerCenterEventLogger;
import io.hunterreferrals.app.wiring.PartnerCenterWiring;
import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.app.wiring.SyncWiring;
import io.hunterreferrals.core.filter.ReferralFilter;
import io.hunterreferrals.core.push.LeadDestination;
import io.hunterreferrals.core.push.LeadDraft;
import io.hunterreferrals.core.push.PushFilter;
import io.hunterreferrals.core.push.PushListener;
import io.hunterreferrals.core.push.PushOutcome;
import io.hunterreferrals.core.push.PushReferrals;
import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import io.hunterreferrals.simulator.DataverseSimulator;
import io.hunterreferrals.simulator.DataverseSimulatorBuilder;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Dynamics 365 push benchmark (not a test; docs/benchmarks.md has the command). What {@code hunter demo} wires, at
 * scale: a Partner Center simulator with N referrals synced by the real sync into the product's embedded PostgreSQL
 * (untimed), then three timed pushes through the real Dataverse adapter over HTTP to a Dataverse simulator (first: all
 * created; second: nothing changed; third: after 1,000 referrals changed in Partner Center and were synced again), each
 * with the requests the simulator journaled. The floor is the first and third pushes' own {@code $batch} requests,
 * replayed by a bare HttpClient to a fresh simulator ({@link BatchFloor}). Arguments: [referrals] [changed].
 */
public final class PushBenchmark {

    /** Every referral the simulator serves is stored (the default filter would keep only Incoming New/Active). */
    private static final ReferralFilter EVERY_REFERRAL = new ReferralFilter(List.of(), List.of(), List.of());

    private static final int WARM_UP_BATCHES = 200;

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int changed = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path dir = Files.createTempDirectory("hunter-pushbench");
        // The product's own JSON log events at INFO, as in production, into a file so the table stays readable.
        try (OutputStream log = Files.newOutputStream(dir.resolve("product.log"))) {
            LogSetup.configure(LogFormat.JSON, log, Level.INFO);
            run(dir, total, changed);
        } finally {
            deleteTree(dir);
        }
    }

    private static void run(Path dir, int total, int changed) throws Exception {
        try (DemoMode demo = DemoMode.start(dir, total);
                DataverseSimulator dataverse = simulator();
                DataverseSimulator floor = simulator();
                DataverseSimulator alone = simulator()) {
            HunterSettings settings = demo.settings(LogFormat.JSON, new HttpSettings("127.0.0.1", 8000, List.of()));
            PartnerCenterAuth auth = PartnerCenterWiring.auth(settings.partnerCenter(), demo.msalTransport());
            demo.signIn(auth);
            try (Storage storage = Storage.open(settings.database())) {
                SyncReport fill = sync(settings, auth, storage, SyncMode.FULL);
                System.out.printf(
                        Locale.ROOT,
                        "filled: %d referrals synced from the Partner Center simulator in %.1f s (untimed)%n",
                        fill.successCount(),
                        fill.duration().toMillis() / 1e3);
                warmUp(demo, storage);

                DynamicsSettings dynamics = dynamicsFor(dataverse);
                TimedPushPorts timed = new TimedPushPorts();
                PushReferrals push = pushReferrals(storage, dynamics, timed, () -> false);
                LeadDestination aloneDestination =
                        DynamicsWiring.clients(dynamicsFor(alone)).leadDestination();
                List<LeadDraft> drafts = AdapterAlone.drafts(storage.pushStates(), aloneDestination);
                List<PushBenchTable.Pass> passes = new ArrayList<>();
                passes.add(pass("first push (all new)", push, dataverse, timed));
                List<BatchFloor.Batch> firstBatches =
                        BatchFloor.captured(dataverse.journal().all());
                passes.add(pass("second push (unchanged)", push, dataverse, timed));

                changeInPartnerCenter(demo.simulator(), changed);
                SyncReport resync = sync(settings, auth, storage, SyncMode.INCREMENTAL);
                System.out.printf(
                        Locale.ROOT,
                        "changed: %d referrals closed as won in Partner Center, synced again (%d fetched, untimed)%n",
                        changed,
                        resync.successCount());
                passes.add(pass("push after " + changed + " changes", push, dataverse, timed));
                List<BatchFloor.Batch> changeBatches =
                        BatchFloor.captured(dataverse.journal().all());

                // The floor: the same $batch bodies to a fresh simulator, so the first ones create and the
                // change ones then update, as they did for the product.
                passes.set(0, passes.get(0).withFloor(BatchFloor.replay(firstBatches, floor)));
                check(floor.leads().createdCount() == passes.get(0).written(), "floor created");
                passes.set(2, passes.get(2).withFloor(BatchFloor.replay(changeBatches, floor)));
                check(floor.leads().updatedCount() == passes.get(2).written(), "floor updated");
                check(dataverse.leads().size() == fill.successCount(), "one lead per referral");
                double adapterAlone = AdapterAlone.send(drafts, aloneDestination);
                PushBenchTable.print(passes, dynamics.batchSize());
                System.out.printf(
                        Locale.ROOT,
                        "adapter alone (the same leads to a fresh simulator, no database): %.2f s = %.2f x the floor%n",
                        adapterAlone,
                        adapterAlone / passes.get(0).floor());
            }
        }
    }

    private static DataverseSimulator simulator() {
        return setUp(DataverseSimulator.builder()
                .port(0)
                .setup(DataverseSimulatorBuilder.Setup.READY)
                .journalCapacity(100_000)
                .build()
                .start());
    }

    /** What {@code hunter dynamics setup --apply} does (the lead columns; READY has the key), with its own sign-in. */
    private static DataverseSimulator setUp(DataverseSimulator simulator) {
        DynamicsWiring.clients(dynamicsFor(simulator)).setup().apply(progress -> {});
        return simulator;
    }

    private static SyncReport sync(HunterSettings settings, PartnerCenterAuth auth, Storage storage, SyncMode mode) {
        CurrentSyncRun current = new CurrentSyncRun();
        SyncOutcome outcome = SyncWiring.referralSync(
                        PartnerCenterWiring.referralSource(
                                settings.partnerCenter(), auth, new PartnerCenterEventLogger(current)),
                        storage,
                        EVERY_REFERRAL,
                        List.of(current))
                .sync(SyncRequest.of(SyncTrigger.CLI, mode));
        if (!(outcome instanceof SyncOutcome.Ran ran) || ran.report().failedCount() > 0) {
            throw new IllegalStateException("the sync did not run cleanly: " + outcome);
        }
        return ran.report();
    }

    /**
     * JIT, connection pools and the database's caches: throwaway pushes to the demo's own Dataverse simulator, stopped
     * after some batches like a graceful shutdown would (creates, then, with the states forgotten, updates of the same
     * leads); then every push state is forgotten again, so the timed first push starts from "never pushed", with a
     * fresh adapter (new sign-in, empty currency cache) against a fresh simulator.
     */
    private static void warmUp(DemoMode demo, Storage storage) {
        DynamicsSettings dynamics = dynamicsFor(setUp(demo.dataverse()));
        for (int batches : new int[] {WARM_UP_BATCHES, WARM_UP_BATCHES / 4}) {
            int[] sent = {0};
            PushOutcome outcome = pushReferrals(storage, dynamics, new TimedPushPorts(), () -> ++sent[0] >= batches)
                    .push(PushRequest.of(PushTrigger.CLI));
            check(
                    outcome instanceof PushOutcome.Finished f
                            && f.report().created() + f.report().updated() == batches * dynamics.batchSize(),
                    "warm-up: " + outcome);
            storage.pushStates().forgetAll();
        }
        System.out.printf(
                Locale.ROOT,
                "warm-up: %d leads created and %d updated in a throwaway simulator, push states forgotten%n",
                demo.dataverse().leads().createdCount(),
                demo.dataverse().leads().updatedCount());
    }

    /**
     * The settings {@code DemoMode} gives, pointing at {@code simulator}; batch size and the rest at their defaults.
     */
    private static DynamicsSettings dynamicsFor(DataverseSimulator simulator) {
        return new DynamicsSettings(
                true,
                Optional.of(URI.create(simulator.orgUrl())),
                Optional.of(simulator.tenantId()),
                Optional.of(simulator.clientId()),
                Optional.of(simulator.clientSecret()),
                Optional.empty(),
                Optional.empty(),
                DynamicsSettings.OFF.columnPrefix(),
                DynamicsSettings.OFF.batchSize(),
                DynamicsSettings.OFF.maxAttempts(),
                PushFilter.ALL,
                DynamicsSettings.OFF.requestTimeout(),
                false, // no write-back of the lead ids to Partner Center: only the push is measured
                Optional.of(URI.create(simulator.baseUrl())));
    }

    /** As {@link DynamicsWiring#pushReferrals} builds it, with the two ports behind stopwatches. */
    private static PushReferrals pushReferrals(
            Storage storage, DynamicsSettings settings, TimedPushPorts timed, BooleanSupplier stopping) {
        return new PushReferrals(
                timed.destination(DynamicsWiring.clients(settings).leadDestination()),
                Optional.empty(),
                timed.store(storage.pushStates()),
                storage.pushRuns(),
                settings.filter(),
                settings.maxAttempts(),
                PushListener.all(List.of(new PushEventLogger())),
                stopping,
                Clock.systemUTC());
    }

    private static PushBenchTable.Pass pass(
            String name, PushReferrals push, DataverseSimulator dataverse, TimedPushPorts timed) {
        dataverse.journal().clear();
        timed.reset();
        long t0 = System.nanoTime();
        PushOutcome outcome = push.push(PushRequest.of(PushTrigger.CLI));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!(outcome instanceof PushOutcome.Finished finished)
                || finished.report().status() != PushReport.PushRunStatus.SUCCESS) {
            throw new IllegalStateException(name + " did not succeed: " + outcome);
        }
        PushBenchTable.Pass pass = new PushBenchTable.Pass(
                name,
                seconds,
                finished.report(),
                PushBenchTable.Requests.of(dataverse.journal().all()),
                timed.destinationSeconds(),
                timed.dueSeconds(),
                timed.writeSeconds(),
                0);
        System.out.printf(
                Locale.ROOT,
                "%-26s %.2f s: created %d, updated %d, skipped %d; %d due reads, %d state writes; looked up: %s%n",
                name,
                seconds,
                pass.report().created(),
                pass.report().updated(),
                pass.report().skippedCount(),
                timed.dueCalls(),
                timed.writeCalls(),
                dataverse.journal().all().stream()
                        .flatMap(r -> r.queryParam("$filter").stream())
                        .toList());
        return pass;
    }

    /** Closes {@code changed} referrals as won, spread over the id range; only ones not already Closed/Won. */
    private static void changeInPartnerCenter(PartnerCenterSimulator partnerCenter, int changed) {
        List<String> open = partnerCenter.referrals().ids().stream()
                .sorted()
                .filter(id -> partnerCenter
                        .referrals()
                        .get(id)
                        .map(r -> !(r.path("status").asText().equals("Closed")
                                && r.path("substatus").asText().equals("Won")))
                        .orElse(false))
                .toList();
        check(open.size() >= changed, "only " + open.size() + " referrals can change");
        for (int k = 0; k < changed; k++) {
            partnerCenter.referrals().changeStatus(open.get((int) ((long) k * open.size() / changed)), "Closed", "Won");
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark check failed: " + what);
        }
    }

    /** The embedded database's folder is hundreds of MB: removed when the run ends. */
    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
