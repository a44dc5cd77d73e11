package io.hunterreferrals.core.domainname;

import java.util.Objects;

/** The outcome of parsing a text into a {@link Domain}. */
public sealed interface DomainParseResult {

    /**
     * @param domain the registrable domain
     * @param rawHost the host as it appeared in the text (e.g. {@code Mail.Contoso.co.uk})
     */
    record Parsed(Domain domain, String rawHost) implements DomainParseResult {
        public Parsed {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(rawHost, "rawHost");
        }
    }

    /**
     * @param reason why the text was rejected
     * @param rawHost the host part of the text when one could be found, else {@code null}
     */
    record Rejected(DomainRejection reason, String rawHost) implements DomainParseResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
