package io.hunterreferrals.partnercenter;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verified certificates by URL, so a burst of webhooks costs one download: at most {@link #SIZE} of them, each until
 * the TTL or its {@code notAfter}, whichever is first, so a renewed certificate is picked up within the TTL. A failure
 * is remembered only for {@link #FAILURE_TTL}: long enough that a burst of calls naming a broken URL does not turn into
 * a burst of downloads, short enough that a fixed certificate is used soon. Failures sit in a map of their own, so
 * calls naming many failing URLs can never evict a good certificate.
 *
 * <p>One download at a time: a cold cache under a burst makes one request, and calls that find their certificate cached
 * never wait for another's download.
 */
final class CertificateCache {

    static final int SIZE = 16;
    static final Duration FAILURE_TTL = Duration.ofSeconds(15);

    /** Downloads and checks the certificate at a URL. */
    @FunctionalInterface
    interface Loader {
        CertificateChecker.Trusted load(URI url) throws CertificateProblem;
    }

    private record Good(CertificateChecker.Trusted certificate, Instant until) {}

    private record Bad(CertificateProblem problem, Instant until) {}

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Good> good = lru();
    private final Map<String, Bad> bad = lru();
    private final Object loading = new Object();

    CertificateCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    CertificateChecker.Trusted get(URI url, Loader loader) throws CertificateProblem {
        String key = url.toString();
        CertificateChecker.Trusted cached = cached(key);
        if (cached != null) {
            return cached;
        }
        synchronized (loading) {
            cached = cached(key); // another call may have loaded it while this one waited
            if (cached != null) {
                return cached;
            }
            try {
                CertificateChecker.Trusted loaded = loader.load(url);
                Instant byTtl = clock.instant().plus(ttl);
                Instant until = loaded.notAfter().isBefore(byTtl) ? loaded.notAfter() : byTtl;
                synchronized (this) {
                    good.put(key, new Good(loaded, until));
                    bad.remove(key);
                }
                return loaded;
            } catch (CertificateProblem problem) {
                synchronized (this) {
                    bad.put(key, new Bad(problem, clock.instant().plus(FAILURE_TTL)));
                }
                throw problem;
            }
        }
    }

    /** The cached certificate, or null; throws a failure remembered for this URL. */
    private synchronized CertificateChecker.Trusted cached(String key) throws CertificateProblem {
        Instant now = clock.instant();
        Good hit = good.get(key);
        if (hit != null) {
            if (now.isBefore(hit.until())) {
                return hit.certificate();
            }
            good.remove(key);
        }
        Bad miss = bad.get(key);
        if (miss != null) {
            if (now.isBefore(miss.until())) {
                throw miss.problem();
            }
            bad.remove(key);
        }
        return null;
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(SIZE, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > SIZE;
            }
        };
    }
}
