package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Decides whether an {@code @odata.nextLink} may be followed. The bearer token goes with every page request, so a link
 * to any other scheme, host or port than the configured API URL is refused: a tampered or misconfigured response must
 * not be able to send our token elsewhere.
 *
 * <p>One exception, by decision: the docs' own sample nextLink uses {@code http://} for the API host. When the
 * configured API URL is https, a link with the same host, {@code http} scheme and no explicit port is upgraded to https
 * on that configured host, so the token never travels in clear text and the documented shape still pages. Any other
 * scheme mismatch (e.g. https link while configured for http) is refused.
 */
final class NextLinkGuard {

    private final URI api;
    private final String apiScheme;
    private final String apiHost;
    private final int apiPort;

    NextLinkGuard(URI apiUrl) {
        this.api = apiUrl;
        this.apiScheme = apiUrl.getScheme().toLowerCase(Locale.ROOT);
        this.apiHost = apiUrl.getHost().toLowerCase(Locale.ROOT);
        this.apiPort = effectivePort(apiScheme, apiUrl.getPort());
    }

    /**
     * @param link the link exactly as the page carried it
     * @param current the URI of the page that carried it (a relative link resolves against it)
     * @return the URI to request next
     * @throws ReferralSourceException {@link SourceFailure#PAGING} when the link must not be followed
     */
    URI check(String link, URI current, String requestId) {
        URI uri;
        try {
            uri = current.resolve(new URI(link.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw refused("is not a valid URI", requestId);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null) {
            throw refused("carries user info", requestId);
        }
        if (!host.equals(apiHost)) {
            throw refused(
                    "points at host '" + host + "' instead of the configured API host '" + apiHost
                            + "'; it was not followed and no token was sent there",
                    requestId);
        }
        if (scheme.equals("http") && apiScheme.equals("https") && uri.getPort() == -1) {
            uri = withScheme(uri, "https");
            scheme = "https";
        }
        if (!scheme.equals(apiScheme)) {
            throw refused("uses scheme '" + scheme + "' instead of the configured '" + apiScheme + "'", requestId);
        }
        if (effectivePort(scheme, uri.getPort()) != apiPort) {
            throw refused(
                    "points at port " + effectivePort(scheme, uri.getPort()) + " instead of the configured " + apiPort,
                    requestId);
        }
        return uri.getRawFragment() == null ? uri : withoutFragment(uri);
    }

    private ReferralSourceException refused(String why, String requestId) {
        return new ReferralSourceException(
                SourceFailure.PAGING,
                "Partner Center returned an @odata.nextLink that "
                        + why + ". Paging stopped to protect the access token (configured API URL " + api
                        + "). Check the API URL setting; if it is right, report the request id to Microsoft.",
                null,
                "foreign_next_link",
                requestId,
                null);
    }

    private static int effectivePort(String scheme, int port) {
        if (port != -1) {
            return port;
        }
        return "https".equals(scheme) ? 443 : 80;
    }

    private static URI withScheme(URI uri, String scheme) {
        return URI.create(scheme + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private static URI withoutFragment(URI uri) {
        String s = uri.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }
}
