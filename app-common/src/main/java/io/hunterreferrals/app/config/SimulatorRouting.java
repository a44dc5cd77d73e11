package io.hunterreferrals.app.config;

import java.net.URI;

/**
 * The sign-in authority the product uses against a standalone simulator ({@code HUNTER_PARTNER_CENTER_SIMULATOR_URL}).
 * MSAL insists on an https authority, so it is given this made-up host and its requests are routed to the simulator's
 * loopback URL ({@code LoopbackRoutingHttpClient}); the {@code .test} top-level domain never resolves, so a routing
 * mistake cannot reach a real identity provider.
 */
public final class SimulatorRouting {

    public static final String AUTHORITY_HOST = "login.simulator.test";

    private SimulatorRouting() {}

    static URI authority(String tenant) {
        return URI.create("https://" + AUTHORITY_HOST + "/" + tenant);
    }
}
