package io.hunterreferrals.core.company;

import io.hunterreferrals.core.domainname.Domain;
import java.util.Objects;

/**
 * A company to find, or to create if missing.
 *
 * @param domain the company's domain, its identity in the directory
 * @param name the name to give it if it is created; the domain when {@code null} or blank
 * @param country an ISO 3166-1 alpha-2 code, or {@code null}
 * @param notes an operator's notes for a new company, or {@code null}; personal data: never logged
 * @param source how it enters the directory if it is created
 */
public record CompanyCandidate(Domain domain, String name, String country, String notes, CompanySource source) {

    public CompanyCandidate {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(source, "source");
        name = name == null || name.isBlank() ? domain.value() : name.strip();
        country = country == null || country.isBlank() ? null : country.strip();
        notes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    public CompanyCandidate(Domain domain, String name, CompanySource source) {
        this(domain, name, null, null, source);
    }
}
