package io.hunterreferrals.app.wiring;

import io.hunterreferrals.app.config.DynamicsSettings;
import io.hunterreferrals.app.config.InvalidConfigurationException;
import io.hunterreferrals.app.config.Setting;
import io.hunterreferrals.app.config.SettingProblem;
import io.hunterreferrals.app.logging.PushEventLogger;
import io.hunterreferrals.core.push.PushListener;
import io.hunterreferrals.core.push.PushReferrals;
import io.hunterreferrals.dynamics.DataverseClientFactory;
import io.hunterreferrals.dynamics.DataverseClients;
import io.hunterreferrals.dynamics.DataverseConfig;
import io.hunterreferrals.dynamics.DataverseCredential;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Wires the Dynamics 365 push: settings to the Dataverse adapter's config, and the push use case over the storage. */
public final class DynamicsWiring {

    /** The authority host that the adapter routes to a loopback simulator (like the Partner Center sign-in's). */
    static final String SIMULATOR_AUTHORITY_HOST = "login.simulator.test";

    private DynamicsWiring() {}

    /**
     * The adapter's configuration.
     *
     * @throws InvalidConfigurationException when the settings cannot sign in (the problems say what to set)
     */
    public static DataverseConfig config(DynamicsSettings settings) {
        List<SettingProblem> problems = settings.readinessProblems().stream()
                .filter(p -> p.setting() != Setting.DYNAMICS_ENABLED)
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        DataverseCredential credential = settings.clientSecret()
                .<DataverseCredential>map(DataverseCredential.ClientSecret::new)
                .orElseGet(() -> new DataverseCredential.ClientCertificate(
                        settings.certificatePath().orElseThrow(),
                        settings.certificatePassword().orElse(null)));
        DataverseConfig config = DataverseConfig.of(
                        settings.environmentUrl().orElseThrow(),
                        settings.tenantId().orElseThrow(),
                        settings.clientId().orElseThrow(),
                        credential)
                .withColumnPrefix(settings.columnPrefix())
                .withBatchSize(settings.batchSize())
                .withRequestTimeout(settings.requestTimeout());
        if (settings.simulatorUrl().isPresent()) {
            config = config.withAuthority(URI.create("https://" + SIMULATOR_AUTHORITY_HOST + "/"
                            + settings.tenantId().get() + "/"))
                    .withLoopbackRoute(settings.simulatorUrl().get());
        }
        return config;
    }

    /** The destination and the setup for these settings; nothing is called until first use. */
    public static DataverseClients clients(DynamicsSettings settings) {
        return DataverseClientFactory.create(config(settings));
    }

    /** The push use case: the settings' filter and attempts, the storage's push state and run log. */
    public static PushReferrals pushReferrals(
            DataverseClients clients,
            Storage storage,
            DynamicsSettings settings,
            List<PushListener> listeners,
            BooleanSupplier stopping) {
        List<PushListener> all = new ArrayList<>(List.of(new PushEventLogger()));
        all.addAll(listeners);
        return new PushReferrals(
                clients.leadDestination(),
                storage.pushStates(),
                storage.pushRuns(),
                settings.filter(),
                settings.maxAttempts(),
                PushListener.all(all),
                stopping,
                Clock.systemUTC());
    }
}
