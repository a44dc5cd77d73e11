package io.hunterreferrals.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which endpoint answers a path on the Partner Center simulator's port: Entra ID's OAuth endpoints, the Referrals API,
 * the webhook registration API and its certificate blob, the device-login page and the admin levers. Each endpoint is
 * built here from the simulator's parts, so {@link PartnerCenterSimulator} stays a facade.
 */
final class PartnerCenterRoutes {

    private static final Pattern OAUTH_PATH =
            Pattern.compile("^/([^/]+)/oauth2/v2\\.0/(devicecode|token)$", Pattern.CASE_INSENSITIVE);

    private final Clock clock;
    private final SimulatedFaults faults;
    private final OAuthEndpoint oauth;
    private final ReferralsEndpoint referrals;
    private final WebhookApiEndpoint webhooks;
    private final CertificateEndpoint certificates = new CertificateEndpoint();
    private final DeviceLoginPage deviceLogin;
    private final AdminEndpoint admin;

    PartnerCenterRoutes(PartnerCenterSimulator sim, Clock clock, Duration pageLatency) {
        this.clock = clock;
        this.faults = sim.faults();
        this.oauth = new OAuthEndpoint(sim.identity(), clock, sim::baseUrl);
        this.referrals = new ReferralsEndpoint(
                sim.referrals(),
                faults,
                new BearerAuth(sim.identity(), Audience.REFERRALS),
                clock,
                sim::baseUrl,
                () -> sim.foreignHost().baseUrl(),
                pageLatency,
                new ReferralPatchEndpoint(sim.referrals(), faults, clock, sim::patchMode, sim::baseUrl));
        this.webhooks = new WebhookApiEndpoint(sim.webhooks(), new BearerAuth(sim.identity(), Audience.WEBHOOKS));
        this.deviceLogin = new DeviceLoginPage(sim.identity());
        this.admin = new AdminEndpoint(sim);
    }

    Reply route(Request r) {
        String path = r.path();
        if (path.startsWith(AdminEndpoint.PREFIX + "/")) {
            return admin.handle(r);
        }
        if (path.equals(DeviceLoginPage.PATH)) {
            return deviceLogin.handle(r);
        }
        if (path.equals(PartnerCenterSimulator.REFERRALS_PATH)
                || path.startsWith(PartnerCenterSimulator.REFERRALS_PATH + "/")) {
            return referrals.handle(r);
        }
        if (path.equals(WebhookApiEndpoint.PREFIX) || path.startsWith(WebhookApiEndpoint.PREFIX + "/")) {
            return webhooks.handle(r);
        }
        if (path.startsWith(CertificateEndpoint.PREFIX)) {
            return certificates.handle(r);
        }
        Matcher m = OAUTH_PATH.matcher(path);
        if (m.matches()) {
            boolean token = m.group(2).equalsIgnoreCase("token");
            var fault = FaultReplies.apply(faults.take(token ? Endpoint.TOKEN : Endpoint.DEVICE_CODE, null), clock);
            if (fault.isPresent()) {
                return fault.get();
            }
            return token ? oauth.token(r, m.group(1)) : oauth.deviceCode(r, m.group(1));
        }
        return ApiErrors.notFound("The simulator has no resource at " + path + ".");
    }
}
