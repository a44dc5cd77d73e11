package io.hunterreferrals.http;

/**
 * What the app knows about its own health, for {@code /healthz} and {@code /healthz/ready}. Implemented by the app,
 * which owns the database pool and the Partner Center sign-in. Each call should answer within a second or two (e.g. a
 * {@code SELECT 1} with a short timeout): load balancers poll these endpoints.
 */
public interface HealthProbe {

    /** True when the database answers now. */
    boolean databaseUp();

    /** Whether Partner Center calls can be made. */
    PartnerCenterAuthState partnerCenterAuth();

    /** The running build's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    String version();

    /** The git commit the running build was made from, or {@code unknown}. */
    String commit();

    /** True in demo mode, when the referrals come from the in-process simulator rather than Partner Center. */
    default boolean simulated() {
        return false;
    }
}
