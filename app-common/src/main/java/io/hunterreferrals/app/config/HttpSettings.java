package io.hunterreferrals.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
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

    /**
     * Whether every address {@code host} names is a loopback address, so that nothing but this machine can reach the
     * server. The one owner of that rule: the server's start-up refusal and the production rules of {@code hunter
     * config check} both ask here.
     *
     * @throws UnknownHostException when {@code host} does not resolve
     */
    public static boolean isLoopbackOnly(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                return false;
            }
        }
        return addresses.length > 0;
    }

    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", apiKeys=" + apiKeys.size() + "]";
    }
}
