package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.company.Company;
import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.CompanyResolution;
import io.hunterreferrals.core.domainname.Domain;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CompanyDirectory} in memory; thread-safe. It keeps when each company was created, as PostgreSQL's
 * {@code companies.created_at} does, for the lead listing's newest-first order.
 */
public final class InMemoryCompanyDirectory implements CompanyDirectory {

    private final Map<Domain, Company> companies = new LinkedHashMap<>();
    private final Map<CompanyId, Instant> createdAt = new HashMap<>();
    private long nextId = 1;
    private RuntimeException nextFailure;

    @Override
    public synchronized Map<Domain, CompanyResolution> findOrCreate(Collection<CompanyCandidate> candidates) {
        if (nextFailure != null) {
            RuntimeException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        Map<Domain, CompanyResolution> resolved = new LinkedHashMap<>();
        for (CompanyCandidate candidate : candidates) {
            Company existing = companies.get(candidate.domain());
            if (existing != null) {
                resolved.put(candidate.domain(), new CompanyResolution(existing.id(), false));
            } else {
                Company created = new Company(
                        new CompanyId(nextId++),
                        candidate.domain(),
                        candidate.name(),
                        candidate.country(),
                        candidate.source());
                companies.put(created.domain(), created);
                createdAt.put(created.id(), Instant.now());
                resolved.put(candidate.domain(), new CompanyResolution(created.id(), true));
            }
        }
        return resolved;
    }

    @Override
    public synchronized Optional<Company> findByDomain(Domain domain) {
        return Optional.ofNullable(companies.get(domain));
    }

    public synchronized List<Company> all() {
        return List.copyOf(companies.values());
    }

    /** When the company was created. */
    public synchronized Instant createdAt(CompanyId id) {
        Instant at = createdAt.get(id);
        if (at == null) {
            throw new IllegalArgumentException("No company " + id);
        }
        return at;
    }

    /** The next call fails with {@code failure}. */
    public synchronized void failNextCall(RuntimeException failure) {
        this.nextFailure = failure;
    }
}
