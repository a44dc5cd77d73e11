package io.hunterreferrals.postgres;

import static io.hunterreferrals.core.testing.TestReferrals.BASE_TIME;
import static io.hunterreferrals.core.testing.TestReferrals.aReferral;

import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.domainname.CompanyDomainExtractor;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.referral.CustomerProfile;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.core.sync.ReferralRecord;
import io.hunterreferrals.core.sync.ReferralSource;
import io.hunterreferrals.core.sync.ReferralStore;
import io.hunterreferrals.core.sync.ReferralSync;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncRunLog;
import io.hunterreferrals.core.sync.SyncSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Referrals of each category for PostgreSQL tests, and a sync wired to the PostgreSQL stores. */
final class Referrals {

    private Referrals() {}

    static Instant at(int minutes) {
        return BASE_TIME.plusSeconds(60L * minutes);
    }

    /** Shared: co-sell. */
    static Referral.Builder coSell(String id, String customer, String emailDomain) {
        return aReferral(id).customer(customer(customer, emailDomain));
    }

    /** Independent, Direct, with a marketplace source: marketplace. */
    static Referral.Builder marketplace(String id, String customer, String emailDomain) {
        return aReferral(id)
                .type("Independent")
                .qualification("Direct")
                .referralSource("AppSource")
                .callToAction("ContactMe")
                .customer(customer(customer, emailDomain));
    }

    /** Independent, Direct, no marketplace signal: solution-provider. */
    static Referral.Builder solutionProvider(String id, String customer, String emailDomain) {
        return aReferral(id).type("Independent").qualification("Direct").customer(customer(customer, emailDomain));
    }

    /** A type no rule knows: referral_type NULL. */
    static Referral.Builder unknown(String id, String customer, String emailDomain) {
        return aReferral(id).type("Experimental").customer(customer(customer, emailDomain));
    }

    static CustomerProfile customer(String name, String emailDomain) {
        return new CustomerProfile(
                name,
                "TR",
                "51to250employees",
                emailDomain == null ? List.of() : List.of("satis@" + emailDomain),
                List.of());
    }

    static ReferralSync sync(ReferralSource source, ReferralStore store, CompanyDirectory companies, SyncRunLog log) {
        return new ReferralSync(
                source,
                store,
                companies,
                log,
                SyncSettings.DEFAULT,
                new ClassificationRulePcV1(),
                Clock.systemUTC(),
                SyncListener.NONE);
    }

    /**
     * A record as the sync builds it: pc-v1 classification, the domain, its company (found or created) and the hash.
     */
    static ReferralRecord record(Referral referral, CompanyDirectory companies) {
        var classification = new ClassificationRulePcV1().classify(referral);
        DomainExtraction domain = new CompanyDomainExtractor().extract(referral);
        Optional<CompanyId> company = domain instanceof DomainExtraction.Found found
                ? Optional.of(companies
                        .findOrCreate(List.of(new CompanyCandidate(
                                found.domain(), referral.customer().name(), CompanySource.PARTNER_CENTER)))
                        .get(found.domain())
                        .id())
                : Optional.empty();
        return new ReferralRecord(
                referral, classification, domain, company, ContentHash.of(referral, classification, domain));
    }
}
