package io.hunterreferrals.server;

import com.microsoft.aad.msal4j.IHttpClient;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.wiring.DemoMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link HunterServer#start} needs.
 *
 * @param msalTransport empty in production; the demo and tests route MSAL to the simulator
 * @param simulated the referrals come from the in-process simulator (demo): health and logs say so
 * @param demo the demo's simulators, when {@code hunter server --demo} runs
 */
record ServerSetup(
        HunterSettings settings,
        ServerRole role,
        SchedulerTuning tuning,
        Optional<IHttpClient> msalTransport,
        boolean simulated,
        Optional<DemoMode> demo) {

    ServerSetup(
            HunterSettings settings,
            ServerRole role,
            SchedulerTuning tuning,
            Optional<IHttpClient> msalTransport,
            boolean simulated) {
        this(settings, role, tuning, msalTransport, simulated, Optional.empty());
    }

    ServerSetup {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tuning, "tuning");
        Objects.requireNonNull(msalTransport, "msalTransport");
        Objects.requireNonNull(demo, "demo");
    }
}
