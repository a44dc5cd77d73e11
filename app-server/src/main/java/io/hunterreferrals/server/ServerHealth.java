package io.hunterreferrals.server;

import io.hunterreferrals.http.HealthProbe;
import io.hunterreferrals.http.PartnerCenterAuthState;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import java.time.Clock;
import java.util.Optional;

/** What {@code /healthz} and {@code /healthz/ready} report for this process. */
final class ServerHealth implements HealthProbe {

    private final DatabasePing database;
    private final Optional<PartnerCenterAuth> auth;
    private final String version;
    private final boolean simulated;

    ServerHealth(DatabasePing database, Optional<PartnerCenterAuth> auth, String version, boolean simulated) {
        this.database = database;
        this.auth = auth;
        this.version = version;
        this.simulated = simulated;
    }

    @Override
    public boolean databaseUp() {
        return database.up();
    }

    @Override
    public PartnerCenterAuthState partnerCenterAuth() {
        return AuthStates.of(auth, Clock.systemUTC());
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public boolean simulated() {
        return simulated;
    }
}
