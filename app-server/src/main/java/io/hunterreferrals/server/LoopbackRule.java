package io.hunterreferrals.server;

import io.hunterreferrals.app.config.HttpSettings;
import java.net.UnknownHostException;

/**
 * The API exposes referral data and a sync trigger, so without an API key it may only listen where nothing but this
 * machine can reach it.
 */
final class LoopbackRule {

    private LoopbackRule() {}

    /**
     * @throws ServerStartupException when {@code host} is not a loopback address and no key is required, or when it
     *     does not resolve
     */
    static void check(String host, boolean apiKeyRequired) {
        if (apiKeyRequired || isLoopback(host)) {
            return;
        }
        throw new ServerStartupException("Refusing to listen on " + host + " without an API key: anyone who can reach "
                + "this address could read referrals and start syncs. Set HUNTER_API_KEY (at least 16 characters; "
                + "clients send it as Authorization: Bearer <key> or X-API-Key), or listen on loopback only with "
                + "HUNTER_HTTP_HOST=127.0.0.1.");
    }

    static boolean isLoopback(String host) {
        try {
            return HttpSettings.isLoopbackOnly(host);
        } catch (UnknownHostException e) {
            throw new ServerStartupException(
                    "HUNTER_HTTP_HOST=" + host + " does not resolve to an address of this "
                            + "machine; use an IP address such as 127.0.0.1 or 0.0.0.0.",
                    e);
        }
    }
}
