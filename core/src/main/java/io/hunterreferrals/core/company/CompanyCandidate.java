package io.hunterreferrals.core.company;

import io.hunterreferrals.core.domainname.Domain;
import java.util.Objects;

/**
 * A company to find, or to create if missing.
 *
 * @param domain the company's domain, its identity in the directory
 * @param name   the name to give it if it is created; the domain when {@code null} or blank
 * @param source how it enters the directory if it is created
 */
public record CompanyCandidate(Domain domain, String name, CompanySource source) {

    public CompanyCandidate {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(source, "source");
        name = name == null || name.isBlank() ? domain.value() : name.strip();
    }
}
