package io.hunterreferrals.core.testing;

import static io.hunterreferrals.core.testing.TestReferrals.aReferral;

import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.domainname.CompanyDomainExtractor;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.referral.CustomerProfile;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.core.sync.PageWrite;
import io.hunterreferrals.core.sync.ReferralRecord;
import io.hunterreferrals.core.sync.ReferralStore;
import io.hunterreferrals.core.sync.SyncRunId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Seeding for the query-port contracts, through the write ports only ({@link ReferralStore} and
 * {@link CompanyDirectory}), so the same data lands in the in-memory fakes and in PostgreSQL.
 */
final class QuerySeed {

    private final ReferralStore store;
    private final CompanyDirectory companies;

    QuerySeed(ReferralStore store, CompanyDirectory companies) {
        this.store = store;
        this.companies = companies;
    }

    /**
     * A Shared (co-sell) referral of {@code customer}, whose contact's e-mail is at {@code emailDomain}. Its raw
     * payload is written as jsonb prints it: PostgreSQL keeps the JSON value, not its spacing.
     */
    static Referral.Builder referral(String id, String name, String customer, String emailDomain) {
        return aReferral(id)
                .name(name)
                .raw("{\"id\": \"" + id + "\"}")
                .customer(new CustomerProfile(
                        customer,
                        "TR",
                        "51to250employees",
                        emailDomain == null ? List.of() : List.of("satis@" + emailDomain),
                        List.of()));
    }

    /** Independent, Direct, with a marketplace source: pc-v1 rule 4. */
    static Referral.Builder marketplace(Referral.Builder referral) {
        return referral.type("Independent")
                .qualification("Direct")
                .referralSource("AppSource")
                .callToAction("ContactMe");
    }

    /** Independent, SalesQualified, invited by Microsoft: pc-v1 rule 6 (sub-category qualified-lead). */
    static Referral.Builder solutionProvider(Referral.Builder referral) {
        return referral.type("Independent");
    }

    /** A type no rule knows: unclassified. */
    static Referral.Builder unknown(Referral.Builder referral) {
        return referral.type("Experimental");
    }

    /** Writes one page at {@code syncedAt}, as a sync does: each referral auto-linked to its domain's company. */
    void write(Instant syncedAt, Referral... changed) {
        write(syncedAt, List.of(), changed);
    }

    /** Writes one page at {@code syncedAt} with {@code unchanged} fetched again. */
    void write(Instant syncedAt, List<String> unchanged, Referral... changed) {
        List<ReferralRecord> records = Arrays.stream(changed).map(this::record).toList();
        store.writePage(new PageWrite(
                SyncRunId.random(),
                records,
                unchanged.stream().map(ReferralId::of).toList(),
                List.of(),
                syncedAt,
                Optional.empty()));
    }

    /** A company created by hand or by an import, in its own call (so its id and creation time follow the calls). */
    CompanyId company(String domain, String name, String country, CompanySource source) {
        return companies
                .findOrCreate(List.of(new CompanyCandidate(Domain.of(domain), name, country, null, source)))
                .get(Domain.of(domain))
                .id();
    }

    CompanyId companyOf(String domain) {
        return companies.findByDomain(Domain.of(domain)).orElseThrow().id();
    }

    private ReferralRecord record(Referral referral) {
        var classification = new ClassificationRulePcV1().classify(referral);
        DomainExtraction domain = new CompanyDomainExtractor().extract(referral);
        Optional<CompanyId> company = domain instanceof DomainExtraction.Found found
                ? Optional.of(
                        company(found.domain().value(), referral.customer().name(), null, CompanySource.PARTNER_CENTER))
                : Optional.empty();
        return new ReferralRecord(
                referral, classification, domain, company, ContentHash.of(referral, classification, domain));
    }
}
