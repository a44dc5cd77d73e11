package io.hunterreferrals.server;

import io.hunterreferrals.app.BuildInfo;
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
    private final String commit;
    private final boolean simulated;

    ServerHealth(DatabasePing database, Optional<PartnerCenterAuth> auth, BuildInfo build, boolean simulated) {
        this.database = database;
        this.auth = auth;
        this.version = build.version();
        this.commit = build.commit();
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
    public String commit() {
        return commit;
    }

    @Override
    public boolean simulated() {
        return simulated;
    }
}
