package io.hunterreferrals.core.company;

import io.hunterreferrals.core.domainname.Domain;
import java.util.Objects;

/** A company (a lead) in the directory, identified by its domain. {@code country} may be {@code null}. */
public record Company(CompanyId id, Domain domain, String name, String country, CompanySource source) {

    public Company {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }
}
