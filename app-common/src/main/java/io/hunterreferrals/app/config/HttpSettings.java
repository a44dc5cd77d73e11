package io.hunterreferrals.app.config;

import java.util.List;
import java.util.Objects;

/**
 * Where the server listens and the API keys it accepts.
 *
 * @param apiKeys accepted keys; empty means no key is required (only allowed on a loopback address)
 */
public record HttpSettings(String host, int port, List<String> apiKeys) {

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        apiKeys = List.copyOf(apiKeys);
    }

    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", apiKeys=" + apiKeys.size() + "]";
    }
}
