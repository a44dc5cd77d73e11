package io.hunterreferrals.core.testing;

import static io.hunterreferrals.core.testing.TestReferrals.BASE_TIME;
import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.domainname.CompanyDomainExtractor;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.core.sync.PageWrite;
import io.hunterreferrals.core.sync.ReferralRecord;
import io.hunterreferrals.core.sync.ReferralStore;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.WriteOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ReferralStore} must do; run against the in-memory store and PostgreSQL. */
public abstract class ReferralStoreContract {

    protected ReferralStore store;
    protected CompanyDirectory companies;

    /** A fresh, empty store and the company directory its links refer to. */
    protected abstract ReferralStore createStore();

    protected abstract CompanyDirectory createCompanyDirectory();

    /** The stored link status and linked company of a referral. */
    protected abstract LinkStatus linkStatusOf(ReferralId id);

    protected abstract Optional<CompanyId> linkedCompanyOf(ReferralId id);

    @BeforeEach
    void createStoreUnderTest() {
        companies = createCompanyDirectory();
        store = createStore();
    }

    @Test
    void unknownReferralsHaveNoFingerprint() {
        assertThat(store.fingerprints(List.of(ReferralId.of("nope")))).isEmpty();
        assertThat(store.watermark()).isEmpty();
    }

    @Test
    void createsThenReportsTheFingerprint() {
        ReferralRecord record = record(aReferral("r-1").build());

        Map<ReferralId, WriteOutcome> outcomes = store.writePage(page(List.of(record), List.of(), Optional.empty()));

        assertThat(outcomes).containsEntry(ReferralId.of("r-1"), WriteOutcome.CREATED);
        assertThat(store.fingerprints(List.of(ReferralId.of("r-1"), ReferralId.of("r-2"))))
                .containsExactly(Map.entry(ReferralId.of("r-1"), record.hash()));
    }

    @Test
    void writingTheSamePageTwiceChangesNothing() {
        ReferralRecord record = record(aReferral("r-1").build());
        store.writePage(page(List.of(record), List.of(), Optional.empty()));

        Map<ReferralId, WriteOutcome> again = store.writePage(page(List.of(record), List.of(), Optional.empty()));

        assertThat(again).containsEntry(ReferralId.of("r-1"), WriteOutcome.UNCHANGED);
        assertThat(store.fingerprints(List.of(ReferralId.of("r-1")))).containsEntry(ReferralId.of("r-1"), record.hash());
    }

    @Test
    void updatesWhenTheContentChanges() {
        store.writePage(page(List.of(record(aReferral("r-1").status("Active").build())), List.of(), Optional.empty()));
        ReferralRecord closed = record(aReferral("r-1").status("Closed").substatus("Won").build());

        Map<ReferralId, WriteOutcome> outcomes = store.writePage(page(List.of(closed), List.of(), Optional.empty()));

        assertThat(outcomes).containsEntry(ReferralId.of("r-1"), WriteOutcome.UPDATED);
        assertThat(store.fingerprints(List.of(ReferralId.of("r-1")))).containsEntry(ReferralId.of("r-1"), closed.hash());
    }

    @Test
    void storesTheProposedAutoLink() {
        ReferralRecord record = record(aReferral("r-1").build());

        store.writePage(page(List.of(record), List.of(), Optional.empty()));

        assertThat(linkStatusOf(ReferralId.of("r-1"))).isEqualTo(LinkStatus.AUTO_LINKED);
        assertThat(linkedCompanyOf(ReferralId.of("r-1"))).isEqualTo(record.autoLink());
    }

    @Test
    void anOperatorsLinkSurvivesLaterWrites() {
        store.writePage(page(List.of(record(aReferral("r-1").build())), List.of(), Optional.empty()));
        CompanyId chosen = companies.findOrCreate(List.of(new CompanyCandidate(Domain.of("fabrikam.de"), "Fabrikam", CompanySource.MANUAL)))
                .get(Domain.of("fabrikam.de")).id();
        assertThat(store.recordOperatorLink(ReferralId.of("r-1"), new OperatorLink.LinkTo(chosen))).isTrue();

        store.writePage(page(List.of(record(aReferral("r-1").status("Active").build())), List.of(), Optional.empty()));

        assertThat(linkStatusOf(ReferralId.of("r-1"))).isEqualTo(LinkStatus.MANUAL_LINKED);
        assertThat(linkedCompanyOf(ReferralId.of("r-1"))).contains(chosen);
    }

    @Test
    void anOperatorsUnlinkSurvivesLaterWrites() {
        store.writePage(page(List.of(record(aReferral("r-1").build())), List.of(), Optional.empty()));
        assertThat(store.recordOperatorLink(ReferralId.of("r-1"), new OperatorLink.Unlink())).isTrue();

        store.writePage(page(List.of(record(aReferral("r-1").status("Active").build())), List.of(), Optional.empty()));

        assertThat(linkStatusOf(ReferralId.of("r-1"))).isEqualTo(LinkStatus.MANUAL_UNLINKED);
        assertThat(linkedCompanyOf(ReferralId.of("r-1"))).isEmpty();
    }

    @Test
    void operatorLinksNeedAStoredReferral() {
        assertThat(store.recordOperatorLink(ReferralId.of("missing"), new OperatorLink.Unlink())).isFalse();
    }

    @Test
    void theWatermarkAdvancesAndNeverMovesBack() {
        Instant later = BASE_TIME.plusSeconds(600);
        store.writePage(page(List.of(record(aReferral("r-1").build())), List.of(), Optional.of(later)));
        store.writePage(page(List.of(), List.of(ReferralId.of("r-1")), Optional.of(BASE_TIME)));

        assertThat(store.watermark()).contains(later);
    }

    @Test
    void unchangedReferralsKeepTheirContent() {
        ReferralRecord record = record(aReferral("r-1").build());
        store.writePage(page(List.of(record), List.of(), Optional.empty()));

        store.writePage(page(List.of(), List.of(ReferralId.of("r-1")), Optional.empty()));

        assertThat(store.fingerprints(List.of(ReferralId.of("r-1")))).containsEntry(ReferralId.of("r-1"), record.hash());
    }

    /** A record as the sync would build it, auto-linked to its domain's company. */
    protected ReferralRecord record(Referral referral) {
        var classification = new ClassificationRulePcV1().classify(referral);
        DomainExtraction domain = new CompanyDomainExtractor().extract(referral);
        Optional<CompanyId> company = domain instanceof DomainExtraction.Found found
                ? Optional.of(companies.findOrCreate(List.of(new CompanyCandidate(found.domain(), referral.customer().name(),
                        CompanySource.PARTNER_CENTER))).get(found.domain()).id())
                : Optional.empty();
        return new ReferralRecord(referral, classification, domain, company, ContentHash.of(referral, classification, domain));
    }

    protected static PageWrite page(List<ReferralRecord> changed, List<ReferralId> unchanged, Optional<Instant> watermark) {
        return new PageWrite(SyncRunId.random(), changed, unchanged, Instant.now(), watermark);
    }
}
