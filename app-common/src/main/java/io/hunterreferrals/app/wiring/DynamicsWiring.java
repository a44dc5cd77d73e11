package io.hunterreferrals.app.wiring;

import io.hunterreferrals.app.config.DynamicsSettings;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.config.InvalidConfigurationException;
import io.hunterreferrals.app.config.Setting;
import io.hunterreferrals.app.config.SettingProblem;
import io.hunterreferrals.app.logging.PushEventLogger;
import io.hunterreferrals.core.push.PushListener;
import io.hunterreferrals.core.push.PushReferrals;
import io.hunterreferrals.core.push.ReferralWriteBack;
import io.hunterreferrals.dynamics.DataverseClientFactory;
import io.hunterreferrals.dynamics.DataverseClients;
import io.hunterreferrals.dynamics.DataverseConfig;
import io.hunterreferrals.dynamics.DataverseCredential;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

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

    /**
     * The push use case: the settings' filter and attempts, the storage's push state and run log, and, when
     * {@code HUNTER_DYNAMICS_WRITE_BACK} is on, the write-back of lead ids to Partner Center.
     *
     * @param partnerCenterSignIn the operator's Partner Center sign-in; asked for only when the write-back is on
     * @throws InvalidConfigurationException when the write-back is on but Partner Center sign-in is not configured
     */
    public static PushReferrals pushReferrals(
            DataverseClients clients,
            Storage storage,
            HunterSettings settings,
            Supplier<PartnerCenterAuth> partnerCenterSignIn,
            List<PushListener> listeners,
            BooleanSupplier stopping) {
        DynamicsSettings dynamics = settings.dynamics();
        List<PushListener> all = new ArrayList<>(List.of(new PushEventLogger()));
        all.addAll(listeners);
        return new PushReferrals(
                clients.leadDestination(),
                writeBack(settings, partnerCenterSignIn),
                storage.pushStates(),
                storage.pushRuns(),
                dynamics.filter(),
                dynamics.maxAttempts(),
                PushListener.all(all),
                stopping,
                Clock.systemUTC());
    }

    /** Empty unless {@code HUNTER_DYNAMICS_WRITE_BACK} is on. */
    private static Optional<ReferralWriteBack> writeBack(
            HunterSettings settings, Supplier<PartnerCenterAuth> partnerCenterSignIn) {
        if (!settings.dynamics().writeBack()) {
            return Optional.empty();
        }
        List<SettingProblem> problems = settings.dynamics().writeBackProblems(settings.partnerCenter());
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return Optional.of(PartnerCenterWiring.referralWriteBack(settings.partnerCenter(), partnerCenterSignIn.get()));
    }
}
