package io.hunterreferrals.core.company;

import io.hunterreferrals.core.domainname.Domain;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Driven port: the companies (leads) a referral can be linked to, one per domain. */
public interface CompanyDirectory {

    /**
     * Finds the company of each candidate's domain, creating the missing ones. Race-safe: concurrent callers never
     * create two companies for one domain. Existing companies are left unchanged.
     *
     * @return every candidate's company, keyed by domain, and whether this call created it
     */
    Map<Domain, CompanyResolution> findOrCreate(Collection<CompanyCandidate> candidates);

    Optional<Company> findByDomain(Domain domain);
}
