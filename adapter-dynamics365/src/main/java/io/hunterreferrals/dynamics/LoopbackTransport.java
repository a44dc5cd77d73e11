package io.hunterreferrals.dynamics;

import com.microsoft.aad.msal4j.HttpMethod;
import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MSAL's transport when {@link DataverseConfig#loopbackRoute()} is set: MSAL insists on an https authority, so it is
 * given a made-up host, and every request for that host goes to the simulator on loopback instead (the simulator
 * README). Any other host is refused, so a routed MSAL cannot reach a real identity provider by accident. Production
 * builds MSAL without it, on MSAL's own TLS transport.
 */
final class LoopbackTransport implements IHttpClient {

    /** Set by java.net.http itself; setting them throws. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final String routedHost;
    private final URI target;
    private final Duration timeout;
    private final HttpClient http;

    LoopbackTransport(String routedHost, URI target, Duration timeout) {
        this.routedHost = routedHost.toLowerCase(Locale.ROOT);
        this.target = target;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        URL url = request.url();
        if (!routedHost.equalsIgnoreCase(url.getHost())) {
            throw new IOException("the routed MSAL transport only serves " + routedHost + ", not " + url.getHost());
        }
        URI uri = URI.create(target
                + (url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath())
                + (url.getQuery() == null ? "" : "?" + url.getQuery()));
        java.net.http.HttpRequest.Builder out =
                java.net.http.HttpRequest.newBuilder(uri).timeout(timeout);
        boolean contentType = false;
        if (request.headers() != null) {
            for (Map.Entry<String, String> h : request.headers().entrySet()) {
                String name = h.getKey().toLowerCase(Locale.ROOT);
                if (!RESTRICTED.contains(name) && h.getValue() != null) {
                    out.header(h.getKey(), h.getValue());
                    contentType |= name.equals("content-type");
                }
            }
        }
        if (request.httpMethod() == HttpMethod.POST) {
            if (!contentType) {
                out.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
            }
            out.POST(java.net.http.HttpRequest.BodyPublishers.ofString(request.body() == null ? "" : request.body()));
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
}
