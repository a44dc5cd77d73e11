package io.hunterreferrals.core.link;

import io.hunterreferrals.core.company.Company;
import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.company.CompanyResolution;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainParseResult;
import io.hunterreferrals.core.domainname.DomainParser;
import io.hunterreferrals.core.domainname.InvalidDomainException;
import io.hunterreferrals.core.query.ReferralDetail;
import io.hunterreferrals.core.query.ReferralQueries;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator's link decisions: link a referral to an existing lead, unlink it, or create a lead from it. Each is
 * recorded as an operator decision, which later syncs keep (docs/adr/0006).
 */
public final class ReferralLinks {

    private final ReferralStore store;
    private final CompanyDirectory companies;
    private final ReferralQueries referrals;

    public ReferralLinks(ReferralStore store, CompanyDirectory companies, ReferralQueries referrals) {
        this.store = Objects.requireNonNull(store, "store");
        this.companies = Objects.requireNonNull(companies, "companies");
        this.referrals = Objects.requireNonNull(referrals, "referrals");
    }

    /** Links the referral to the existing lead with {@code leadDomain} (any host, e-mail or URL form). */
    public LinkOutcome link(ReferralId id, String leadDomain) {
        Domain domain;
        switch (DomainParser.parseCompanyDomain(leadDomain)) {
            case DomainParseResult.Rejected rejected -> {
                return new LinkOutcome.InvalidDomain(
                        rejected.reason(), new InvalidDomainException(rejected.reason(), leadDomain).getMessage());
            }
            case DomainParseResult.Parsed parsed -> domain = parsed.domain();
        }
        Optional<Company> company = companies.findByDomain(domain);
        if (company.isEmpty()) {
            return new LinkOutcome.LeadNotFound(domain);
        }
        if (!store.recordOperatorLink(id, new OperatorLink.LinkTo(company.get().id()))) {
            return new LinkOutcome.ReferralNotFound(id);
        }
        return new LinkOutcome.Linked(id, company.get().id(), domain, false);
    }

    /** Unlinks the referral and keeps it unlinked through later syncs. */
    public LinkOutcome unlink(ReferralId id) {
        return store.recordOperatorLink(id, new OperatorLink.Unlink())
                ? new LinkOutcome.Unlinked(id)
                : new LinkOutcome.ReferralNotFound(id);
    }

    /**
     * Links the referral to the lead of its own domain, creating the lead if needed.
     *
     * @param companyNameOverride the new lead's name instead of the referral's company name
     * @param notes notes for a new lead
     */
    public LinkOutcome createLead(ReferralId id, Optional<String> companyNameOverride, Optional<String> notes) {
        Optional<ReferralDetail> referral = referrals.find(id, false);
        if (referral.isEmpty()) {
            return new LinkOutcome.ReferralNotFound(id);
        }
        Optional<Domain> domain = referral.get().summary().domain();
        if (domain.isEmpty()) {
            return new LinkOutcome.NoDomain(id);
        }
        String name = companyNameOverride
                .filter(n -> !n.isBlank())
                .orElse(referral.get().summary().companyName());
        CompanyCandidate candidate = new CompanyCandidate(
                domain.get(),
                name,
                referral.get().summary().customerCountry(),
                notes.orElse(null),
                CompanySource.MANUAL);
        CompanyResolution company = companies.findOrCreate(List.of(candidate)).get(domain.get());
        if (!store.recordOperatorLink(id, new OperatorLink.LinkTo(company.id()))) {
            return new LinkOutcome.ReferralNotFound(id);
        }
        return new LinkOutcome.Linked(id, company.id(), domain.get(), company.created());
    }
}
