package io.hunterreferrals.partnercenter;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What a webhook call's signing certificate must satisfy before its signature counts (pc-webhooks.md §2, §5.3): where
 * it may be fetched from, what it must chain to, and whose it must be.
 *
 * @param certificateUrlPrefixes the only places a certificate is fetched from: scheme, host, port and a path prefix
 *     ending in {@code /}; a call's {@code X-MS-Certificate-Url} must match one after normalisation, or nothing is
 *     fetched. https, except plain http to a loopback address (the simulator)
 * @param trustAnchors the roots the certificate must chain to
 * @param intermediates issuing CAs that may complete the chain: Partner Center sends only the leaf, and nothing but the
 *     allow-listed URLs is ever fetched (no AIA download), so a leaf issued by an intermediate needs it here
 * @param organisation the {@code O=} every organisation attribute of the leaf's subject must equal
 * @param fetchTimeout the connect timeout, and the limit for the whole download of a certificate
 * @param cacheTtl how long a verified certificate is used before it is fetched and checked again (never past its
 *     {@code notAfter}), so a renewed certificate is picked up
 */
public record WebhookTrust(
        List<URI> certificateUrlPrefixes,
        List<X509Certificate> trustAnchors,
        List<X509Certificate> intermediates,
        String organisation,
        Duration fetchTimeout,
        Duration cacheTtl) {

    /** Where Partner Center's samples and hardened receivers fetch the signing certificate from [W]. */
    public static final URI PRODUCTION_CERTIFICATE_PREFIX =
            URI.create("https://3psostorageacct.blob.core.windows.net/cert/");

    public static final String PRODUCTION_ORGANISATION = "Microsoft Corporation";
    public static final String SIMULATOR_ORGANISATION = "Hunter Referrals Simulator";
    public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofHours(1);

    public WebhookTrust {
        certificateUrlPrefixes = List.copyOf(certificateUrlPrefixes);
        if (certificateUrlPrefixes.isEmpty()) {
            throw new IllegalArgumentException("at least one certificate URL prefix is needed");
        }
        certificateUrlPrefixes.forEach(WebhookTrust::checkPrefix);
        trustAnchors = List.copyOf(trustAnchors);
        if (trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is needed");
        }
        intermediates = List.copyOf(intermediates);
        Objects.requireNonNull(organisation, "organisation");
        if (organisation.isBlank()) {
            throw new IllegalArgumentException("organisation must not be blank");
        }
        requirePositive(fetchTimeout, "fetchTimeout");
        requirePositive(cacheTtl, "cacheTtl");
    }

    /**
     * Partner Center: certificates only from {@code https://3psostorageacct.blob.core.windows.net/cert/}, chained to a
     * root of the JDK's default trust store (Microsoft's roots are in it), issued to {@code O=Microsoft Corporation}.
     */
    public static WebhookTrust production() {
        return new WebhookTrust(
                List.of(PRODUCTION_CERTIFICATE_PREFIX),
                defaultTrustAnchors(),
                List.of(),
                PRODUCTION_ORGANISATION,
                DEFAULT_FETCH_TIMEOUT,
                DEFAULT_CACHE_TTL);
    }

    /**
     * The simulator's webhook sender: its certificates under {@code <simulatorBaseUrl>/cert/} (plain http on loopback
     * is allowed here), chained to {@code root}, issued to {@code O=Hunter Referrals Simulator}.
     */
    public static WebhookTrust simulator(URI simulatorBaseUrl, X509Certificate root) {
        String base = simulatorBaseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new WebhookTrust(
                List.of(URI.create(base + "/cert/")),
                List.of(root),
                List.of(),
                SIMULATOR_ORGANISATION,
                DEFAULT_FETCH_TIMEOUT,
                DEFAULT_CACHE_TTL);
    }

    /** The same trust with issuing CAs that complete a chain the leaf alone does not. */
    public WebhookTrust withIntermediates(List<X509Certificate> value) {
        return new WebhookTrust(certificateUrlPrefixes, trustAnchors, value, organisation, fetchTimeout, cacheTtl);
    }

    public WebhookTrust withFetchTimeout(Duration value) {
        return new WebhookTrust(certificateUrlPrefixes, trustAnchors, intermediates, organisation, value, cacheTtl);
    }

    /** The roots the JDK trusts for TLS (its {@code cacerts}, or {@code javax.net.ssl.trustStore} when set). */
    static List<X509Certificate> defaultTrustAnchors() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            List<X509Certificate> roots = new ArrayList<>();
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    roots.addAll(List.of(x509.getAcceptedIssuers()));
                }
            }
            return roots;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's default trust store cannot be read: " + e.getMessage(), e);
        }
    }

    private static void checkPrefix(URI prefix) {
        Objects.requireNonNull(prefix, "certificate URL prefix");
        String scheme = prefix.getScheme() == null ? "" : prefix.getScheme().toLowerCase(Locale.ROOT);
        if (!prefix.isAbsolute() || prefix.getHost() == null || prefix.getRawPath() == null) {
            throw new IllegalArgumentException("a certificate URL prefix must be an absolute URL, was " + prefix);
        }
        if (!(scheme.equals("https") || (scheme.equals("http") && isLoopback(prefix.getHost())))) {
            // The certificate decides whose signature is believed: over plain http anyone on the path could swap it.
            throw new IllegalArgumentException(
                    "a certificate URL prefix must be https (plain http only to a loopback address), was " + prefix);
        }
        if (prefix.getRawUserInfo() != null || prefix.getRawQuery() != null || prefix.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "a certificate URL prefix must carry no user info, query or fragment, was " + prefix);
        }
        if (!prefix.getRawPath().endsWith("/") || !CertificateUrlPolicy.cleanPath(prefix.getRawPath())) {
            throw new IllegalArgumentException(
                    "a certificate URL prefix's path must end in / and hold no '.', '..', '//' or %-escapes, was "
                            + prefix);
        }
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Literal addresses only: no DNS lookup can turn a name into a remote host here.
            return (Character.isDigit(host.charAt(0)) || host.startsWith("["))
                    && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** The prefixes and organisation only: the certificates' text is long and says nothing a reader needs. */
    @Override
    public String toString() {
        return "WebhookTrust[prefixes=" + certificateUrlPrefixes + ", anchors=" + trustAnchors.size()
                + ", intermediates=" + intermediates.size() + ", organisation=" + organisation + "]";
    }
}
