package io.hunterreferrals.server;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.config.InvalidConfigurationException;
import io.hunterreferrals.app.config.SettingProblem;
import io.hunterreferrals.app.wiring.DynamicsWiring;
import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.core.push.PushReferrals;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.dynamics.DataverseClients;
import io.hunterreferrals.http.DynamicsPush;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Hamle 2 in the server: when {@code HUNTER_DYNAMICS_ENABLED} is on, the push use case over Dataverse, the scheduler
 * task that runs background pushes, the dispatcher that queues them (after each sync, and from the API), and what the
 * API needs. The task is registered whether or not the push is on here, so an execution another node queued is seen and
 * dropped with a log event rather than left waiting.
 */
final class ServerPush {

    private final Optional<DynamicsPush> api;
    private final CustomTask<String> task;

    private ServerPush(Optional<DynamicsPush> api, CustomTask<String> task) {
        this.api = api;
        this.task = task;
    }

    /**
     * @param partnerCenter the operator's Partner Center sign-in, for the write-back of lead ids when that is on
     * @throws ServerStartupException when the push is on but its settings cannot sign in
     */
    static ServerPush wire(
            ServerSetup setup,
            Storage storage,
            Optional<PartnerCenterAuth> partnerCenter,
            PushMetrics metrics,
            StopSignal stop,
            Clock clock) {
        HunterSettings settings = setup.settings();
        Optional<PushReferrals> push = Optional.empty();
        if (settings.dynamics().enabled()) {
            DataverseClients clients = clients(setup, storage);
            try {
                // the write-back's check (HUNTER_DYNAMICS_WRITE_BACK needs the sign-in) comes first: orElseThrow holds
                push = Optional.of(DynamicsWiring.pushReferrals(
                        clients, storage, settings, partnerCenter::orElseThrow, List.of(metrics), stop::stopping));
            } catch (InvalidConfigurationException e) {
                throw new ServerStartupException(
                        "The Dynamics 365 push cannot write lead ids back to Partner Center: " + describe(e) + ".", e);
            }
        }
        PushTask task =
                new PushTask(new PushJob(push, stop, metrics), setup.tuning().busyRetryDelay());
        SchedulerClient client = SchedulerClient.Builder.create(
                        storage.database().dataSource(), task.task())
                .serializer(new TextSerializer())
                .build();
        DbSchedulerPushDispatcher dispatcher = new DbSchedulerPushDispatcher(client, task.task(), clock);
        return new ServerPush(push.map(p -> new DynamicsPush(p, dispatcher)), task.task());
    }

    private static DataverseClients clients(ServerSetup setup, Storage storage) {
        try {
            if (setup.demo().isPresent()) {
                // the demo's simulated Dynamics starts empty: set it up and push everything to it again
                return setup.demo().get().prepareDynamics(setup.settings(), storage);
            }
            return DynamicsWiring.clients(setup.settings().dynamics());
        } catch (InvalidConfigurationException e) {
            throw new ServerStartupException(
                    "HUNTER_DYNAMICS_ENABLED is true, but the push cannot sign in: "
                            + describe(e)
                            + ". Complete the HUNTER_DYNAMICS_* settings (runbook: Hamle 2) or set "
                            + "HUNTER_DYNAMICS_ENABLED=false.",
                    e);
        }
    }

    private static String describe(InvalidConfigurationException e) {
        return e.problems().stream().map(SettingProblem::describe).collect(Collectors.joining("; "));
    }

    /** What the API needs to push; empty when the push is off here. */
    Optional<DynamicsPush> api() {
        return api;
    }

    /** The sync's listener that queues a push after each sync that stored something; none when the push is off. */
    List<SyncListener> syncListeners() {
        return api.<List<SyncListener>>map(a -> List.of(new PushAfterSync(a.dispatcher())))
                .orElse(List.of());
    }

    CustomTask<String> task() {
        return task;
    }
}
