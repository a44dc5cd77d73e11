package io.hunterreferrals.server;

import com.microsoft.aad.msal4j.IHttpClient;
import io.hunterreferrals.app.config.HunterSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link HunterServer#start} needs.
 *
 * @param msalTransport empty in production; the demo and tests route MSAL to the simulator
 * @param simulated the referrals come from the in-process simulator (demo): health and logs say so
 */
record ServerSetup(
        HunterSettings settings,
        ServerRole role,
        SchedulerTuning tuning,
        Optional<IHttpClient> msalTransport,
        boolean simulated) {

    ServerSetup {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tuning, "tuning");
        Objects.requireNonNull(msalTransport, "msalTransport");
    }
}
