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
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.query.QuarantineQueries;
import io.hunterreferrals.core.query.QuarantinedReferral;
import io.hunterreferrals.core.referral.RawPayload;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.core.sync.FailedReferral;
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
    protected QuarantineQueries quarantine;

    /** A fresh, empty store and the company directory its links refer to. */
    protected abstract ReferralStore createStore();

    protected abstract CompanyDirectory createCompanyDirectory();

    /** The read side of the quarantine of the store {@link #createStore()} made last. */
    protected abstract QuarantineQueries createQuarantineQueries();

    /** The stored link status and linked company of a referral. */
    protected abstract LinkStatus linkStatusOf(ReferralId id);

    protected abstract Optional<CompanyId> linkedCompanyOf(ReferralId id);

    @BeforeEach
    void createStoreUnderTest() {
        companies = createCompanyDirectory();
        store = createStore();
        quarantine = createQuarantineQueries();
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
        assertThat(store.fingerprints(List.of(ReferralId.of("r-1"))))
                .containsEntry(ReferralId.of("r-1"), record.hash());
    }

    @Test
    void updatesWhenTheContentChanges() {
        store.writePage(page(List.of(record(aReferral("r-1").status("Active").build())), List.of(), Optional.empty()));
        ReferralRecord closed =
                record(aReferral("r-1").status("Closed").substatus("Won").build());

        Map<ReferralId, WriteOutcome> outcomes = store.writePage(page(List.of(closed), List.of(), Optional.empty()));

        assertThat(outcomes).containsEntry(ReferralId.of("r-1"), WriteOutcome.UPDATED);
        assertThat(store.fingerprints(List.of(ReferralId.of("r-1"))))
                .containsEntry(ReferralId.of("r-1"), closed.hash());
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
        CompanyId chosen = companies
                .findOrCreate(List.of(new CompanyCandidate(Domain.of("fabrikam.de"), "Fabrikam", CompanySource.MANUAL)))
                .get(Domain.of("fabrikam.de"))
                .id();
        assertThat(store.recordOperatorLink(ReferralId.of("r-1"), new OperatorLink.LinkTo(chosen)))
                .isTrue();

        store.writePage(page(List.of(record(aReferral("r-1").status("Active").build())), List.of(), Optional.empty()));

        assertThat(linkStatusOf(ReferralId.of("r-1"))).isEqualTo(LinkStatus.MANUAL_LINKED);
        assertThat(linkedCompanyOf(ReferralId.of("r-1"))).contains(chosen);
    }

    @Test
    void anOperatorsUnlinkSurvivesLaterWrites() {
        store.writePage(page(List.of(record(aReferral("r-1").build())), List.of(), Optional.empty()));
        assertThat(store.recordOperatorLink(ReferralId.of("r-1"), new OperatorLink.Unlink()))
                .isTrue();

        store.writePage(page(List.of(record(aReferral("r-1").status("Active").build())), List.of(), Optional.empty()));

        assertThat(linkStatusOf(ReferralId.of("r-1"))).isEqualTo(LinkStatus.MANUAL_UNLINKED);
        assertThat(linkedCompanyOf(ReferralId.of("r-1"))).isEmpty();
    }

    @Test
    void operatorLinksNeedAStoredReferral() {
        assertThat(store.recordOperatorLink(ReferralId.of("missing"), new OperatorLink.Unlink()))
                .isFalse();
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

        assertThat(store.fingerprints(List.of(ReferralId.of("r-1"))))
                .containsEntry(ReferralId.of("r-1"), record.hash());
    }

    @Test
    void contentFailuresAreQuarantinedWithTheirPage() {
        SyncRunId run = SyncRunId.random();
        store.writePage(failedPage(run, failure("r-bad", "bad_timestamp", 2), failure(null, "missing_id", 3)));

        List<QuarantinedReferral> entries =
                quarantine.quarantined(PageRequest.FIRST).items();

        assertThat(entries).hasSize(2).allSatisfy(q -> {
            assertThat(q.lastRun()).isEqualTo(run);
            assertThat(q.timesSeen()).isEqualTo(1);
            assertThat(q.firstSeenAt()).isEqualTo(q.lastSeenAt());
            assertThat(q.page()).isEqualTo(4);
        });
        QuarantinedReferral withId = entries.stream()
                .filter(q -> q.referralId().isPresent())
                .findFirst()
                .orElseThrow();
        assertThat(withId.key()).isEqualTo("id:r-bad");
        assertThat(withId.reason()).isEqualTo("bad_timestamp");
        assertThat(withId.position()).isEqualTo(2);
        assertThat(withId.updatedDateTime()).contains("yesterday");
        assertThat(withId.payload().json()).contains("r-bad");
        QuarantinedReferral withoutId = entries.stream()
                .filter(q -> q.referralId().isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(withoutId.key()).startsWith("sha256:");
        assertThat(withoutId.reason()).isEqualTo("missing_id");
    }

    @Test
    void meetingAFailureAgainCountsItAndKeepsWhenItWasFirstSeen() {
        store.writePage(
                failedPage(SyncRunId.random(), failure("r-bad", "bad_timestamp", 2), failure(null, "missing_id", 3)));
        QuarantinedReferral first =
                only(quarantine.quarantined(PageRequest.FIRST).items(), "id:r-bad");
        SyncRunId again = SyncRunId.random();

        store.writePage(failedPage(again, failure("r-bad", "invalid_referral", 7), failure(null, "missing_id", 1)));

        List<QuarantinedReferral> entries =
                quarantine.quarantined(PageRequest.FIRST).items();
        assertThat(entries).hasSize(2).allSatisfy(q -> assertThat(q.timesSeen()).isEqualTo(2));
        QuarantinedReferral second = only(entries, "id:r-bad");
        assertThat(second.reason()).isEqualTo("invalid_referral");
        assertThat(second.position()).isEqualTo(7);
        assertThat(second.lastRun()).isEqualTo(again);
        assertThat(second.firstSeenAt()).isEqualTo(first.firstSeenAt());
        assertThat(second.lastSeenAt()).isAfterOrEqualTo(first.lastSeenAt());
    }

    @Test
    void aReferralThatStoresLeavesTheQuarantine() {
        store.writePage(failedPage(
                SyncRunId.random(),
                failure("r-1", "bad_timestamp", 1),
                failure("r-2", "bad_timestamp", 2),
                failure("r-3", "bad_timestamp", 3)));

        store.writePage(page(List.of(record(aReferral("r-1").build())), List.of(), Optional.empty()));
        store.writePage(page(List.of(record(aReferral("r-2").build())), List.of(), Optional.empty()));
        store.writePage(page(List.of(), List.of(ReferralId.of("r-2")), Optional.empty()));

        assertThat(quarantine.quarantined(PageRequest.FIRST).items())
                .extracting(QuarantinedReferral::key)
                .containsExactly("id:r-3");
    }

    @Test
    void aCompletedFullRunForgetsTheFailuresItDidNotMeet() {
        store.writePage(
                failedPage(SyncRunId.random(), failure("gone", "bad_timestamp", 1), failure(null, "missing_id", 2)));
        SyncRunId full = SyncRunId.random();
        store.writePage(failedPage(full, failure("still-bad", "bad_timestamp", 1)));

        assertThat(store.forgetFailuresNotMetIn(full)).isEqualTo(2);

        assertThat(quarantine.quarantined(PageRequest.FIRST).items())
                .extracting(QuarantinedReferral::key)
                .containsExactly("id:still-bad");
    }

    @Test
    void theQuarantineListsTheMostRecentlyMetFirstInPages() throws InterruptedException {
        store.writePage(failedPage(SyncRunId.random(), failure("older", "bad_timestamp", 1)));
        Thread.sleep(5);
        store.writePage(failedPage(SyncRunId.random(), failure("newer", "bad_timestamp", 1)));

        var first = quarantine.quarantined(new PageRequest(1, 1));
        var second = quarantine.quarantined(new PageRequest(2, 1));

        assertThat(first.total()).isEqualTo(2);
        assertThat(first.items()).extracting(QuarantinedReferral::key).containsExactly("id:newer");
        assertThat(second.items()).extracting(QuarantinedReferral::key).containsExactly("id:older");
    }

    private static FailedReferral failure(String id, String reason, int position) {
        String json = id == null ? "{\"name\":\"no id\"}" : "{\"id\":\"" + id + "\"}";
        return new FailedReferral(
                Optional.ofNullable(id), reason, 4, position, Optional.of("yesterday"), new RawPayload(json));
    }

    private static PageWrite failedPage(SyncRunId run, FailedReferral... failed) {
        return new PageWrite(run, List.of(), List.of(), List.of(failed), Instant.now(), Optional.empty());
    }

    private static QuarantinedReferral only(List<QuarantinedReferral> entries, String key) {
        return entries.stream().filter(q -> q.key().equals(key)).findFirst().orElseThrow();
    }

    /** A record as the sync would build it, auto-linked to its domain's company. */
    protected ReferralRecord record(Referral referral) {
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

    protected static PageWrite page(
            List<ReferralRecord> changed, List<ReferralId> unchanged, Optional<Instant> watermark) {
        return new PageWrite(SyncRunId.random(), changed, unchanged, List.of(), Instant.now(), watermark);
    }
}
