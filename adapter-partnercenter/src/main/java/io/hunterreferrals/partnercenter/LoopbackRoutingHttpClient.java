package io.hunterreferrals.partnercenter;

import com.microsoft.aad.msal4j.HttpMethod;
import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An MSAL transport that sends requests for one https authority host to a plain-http loopback server instead: the
 * simulator in tests and in the product's demo mode (partner-center-api.md §6.6 option A). MSAL insists on an https
 * authority and, on refresh, drops any port from it (§6.7), so pointing the authority at the loopback port directly
 * does not work; rewriting here does, and leaves every other part of MSAL's request, poll and cache logic untouched.
 *
 * <p>Only used when explicitly configured; production builds MSAL without it. Requests for any other host are refused,
 * so a routed MSAL can never talk to the real Entra ID by accident.
 */
public final class LoopbackRoutingHttpClient implements IHttpClient {

    /** Managed by java.net.http itself; setting them throws. */
    private static final Set<String> RESTRICTED_HEADERS =
            Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final String routedHost;
    private final URI target;
    private final HttpClient http;

    /**
     * @param routedHost the authority host MSAL believes it talks to, e.g. {@code login.simulator.test}
     * @param target where to send those requests instead: {@code http://127.0.0.1:PORT} (loopback only) or any https
     *     URL
     */
    public LoopbackRoutingHttpClient(String routedHost, URI target) {
        this.routedHost = Objects.requireNonNull(routedHost, "routedHost").toLowerCase(Locale.ROOT);
        this.target = Objects.requireNonNull(target, "target");
        if (!isLoopbackHttp(target) && !"https".equalsIgnoreCase(target.getScheme())) {
            // Tokens travel over this connection: plain http is only acceptable when it never leaves the machine.
            throw new IllegalArgumentException("target must be http on a loopback address or https, was " + target);
        }
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Routes the host of {@code authority} (e.g. {@code https://login.simulator.test/tenant}) to {@code target}. */
    public static LoopbackRoutingHttpClient forAuthority(URI authority, URI target) {
        return new LoopbackRoutingHttpClient(authority.getHost(), target);
    }

    public String routedHost() {
        return routedHost;
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        URL url = request.url();
        if (!routedHost.equalsIgnoreCase(url.getHost())) {
            throw new IOException("Routed MSAL transport refuses host " + url.getHost() + "; only " + routedHost
                    + " is routed (check instanceDiscovery and the authority)");
        }
        String path = url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath();
        URI rewritten = URI.create(target.getScheme() + "://" + target.getRawAuthority() + path
                + (url.getQuery() == null ? "" : "?" + url.getQuery()));
        java.net.http.HttpRequest.Builder out =
                java.net.http.HttpRequest.newBuilder(rewritten).timeout(Duration.ofSeconds(30));
        boolean hasContentType = false;
        if (request.headers() != null) {
            for (Map.Entry<String, String> h : request.headers().entrySet()) {
                String name = h.getKey().toLowerCase(Locale.ROOT);
                if (!RESTRICTED_HEADERS.contains(name) && h.getValue() != null) {
                    out.header(h.getKey(), h.getValue());
                    hasContentType |= name.equals("content-type");
                }
            }
        }
        if (request.httpMethod() == HttpMethod.POST) {
            if (!hasContentType) {
                out.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
            }
            String body = request.body() == null ? "" : request.body();
            out.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        } else {
            out.method(request.httpMethod().methodName, java.net.http.HttpRequest.BodyPublishers.noBody());
        }
        java.net.http.HttpResponse<String> response = http.send(out.build(), BodyHandlers.ofString());
        com.microsoft.aad.msal4j.HttpResponse msal = new com.microsoft.aad.msal4j.HttpResponse();
        msal.statusCode(response.statusCode());
        msal.body(response.body());
        Map<String, List<String>> headers = new HashMap<>(response.headers().map());
        headers.keySet().removeIf(k -> k.startsWith(":"));
        msal.addHeaders(headers);
        return msal;
    }

    private static boolean isLoopbackHttp(URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return false;
        }
        String host = uri.getHost();
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Literal addresses only: no DNS lookup can turn a name into a remote host here.
            return (Character.isDigit(host.charAt(0)) || host.startsWith("["))
                    && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
