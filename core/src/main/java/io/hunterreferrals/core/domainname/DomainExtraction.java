package io.hunterreferrals.core.domainname;

import java.util.Objects;

/** The outcome of looking for a referral's company domain. */
public sealed interface DomainExtraction {

    /** The host the domain came from (or, when none was usable, the first host that was tried), or {@code null}. */
    String rawHost();

    /** Where {@link #rawHost()} came from, or {@code null} when nothing was tried. */
    DomainSource source();

    /** The first usable domain in the chain. */
    record Found(Domain domain, String rawHost, DomainSource source) implements DomainExtraction {
        public Found {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(rawHost, "rawHost");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * No usable domain. When candidates existed, the first one that had a host is kept with its rejection, so operators
     * can see why a referral stayed unlinked.
     */
    record NotFound(String rawHost, DomainSource source, DomainRejection firstRejection) implements DomainExtraction {

        public static final NotFound NO_CANDIDATES = new NotFound(null, null, null);
    }
}
