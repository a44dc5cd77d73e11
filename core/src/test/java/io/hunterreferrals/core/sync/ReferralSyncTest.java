package io.hunterreferrals.core.sync;

import static io.hunterreferrals.core.testing.TestReferrals.BASE_TIME;
import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static io.hunterreferrals.core.testing.TestReferrals.aReferralOf;
import static io.hunterreferrals.core.testing.TestReferrals.unreadable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.referral.CustomerProfile;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.testing.InMemoryCompanyDirectory;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.core.testing.InMemoryReferralStore;
import io.hunterreferrals.core.testing.InMemorySyncRunLog;
import io.hunterreferrals.core.testing.RecordingSyncListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferralSyncTest {

    private static final SyncRequest INCREMENTAL = SyncRequest.of(SyncTrigger.CLI, SyncMode.INCREMENTAL);

    private final InMemoryReferralSource source = new InMemoryReferralSource(2);
    private final InMemoryReferralStore store = new InMemoryReferralStore();
    private final InMemoryCompanyDirectory companies = new InMemoryCompanyDirectory();
    private final InMemorySyncRunLog runLog = new InMemorySyncRunLog();
    private final RecordingSyncListener listener = new RecordingSyncListener();
    private final ReferralSync sync = new ReferralSync(
            source,
            store,
            companies,
            runLog,
            SyncSettings.DEFAULT,
            new ClassificationRulePcV1(),
            Clock.fixed(BASE_TIME.plusSeconds(3600), ZoneOffset.UTC),
            listener);

    @Test
    void storesEveryPageAndAccountsForEveryReferral() {
        source.put(
                aReferral("r-1").updatedAt(at(1)).build(),
                aReferral("r-2").updatedAt(at(2)).build(),
                aReferral("r-3").updatedAt(at(3)).direction("Outgoing").build(),
                aReferral("r-4")
                        .updatedAt(at(4))
                        .status("Closed")
                        .substatus("Lost")
                        .build(),
                aReferral("r-5")
                        .updatedAt(at(5))
                        .status("Active")
                        .substatus("Accepted")
                        .build());

        SyncReport report = ran(sync.sync(INCREMENTAL));

        assertThat(report.status()).isEqualTo(SyncStatus.SUCCEEDED);
        // The Outgoing referral never reaches the core: the source filters the direction on the server side.
        assertThat(report.pagesFetched()).isEqualTo(2);
        assertThat(report.totalFetched()).isEqualTo(4);
        assertThat(report.created()).isEqualTo(3);
        assertThat(report.skippedReasons()).containsExactlyInAnyOrderEntriesOf(Map.of(SkipReason.STATUS, 1));
        assertThat(report.totalProcessed()).isEqualTo(report.totalFetched());
        assertThat(store.rows())
                .extracting(row -> row.record().referral().id().value())
                .containsExactly("r-1", "r-2", "r-5");
        assertThat(listener.events()).containsExactly("started", "page", "page", "fetched", "finished");
    }

    @Test
    void asksTheSourceOnlyForTheDirectionNotTheStatus() {
        source.put(aReferral("r-1").build());

        sync.sync(INCREMENTAL);

        assertThat(source.queries()).containsExactly(new SourceQuery(List.of("Incoming"), Optional.empty()));
    }

    @Test
    void classifiesAndLinksEachReferralToItsCompany() {
        source.put(
                aReferralOf("r-1", "Contoso Ltd", "contoso.com.tr").build(),
                aReferralOf("r-2", "Contoso Ltd", "mail.contoso.com.tr")
                        .updatedAt(at(1))
                        .build(),
                aReferral("r-3")
                        .customer(new CustomerProfile("Ayşe", "TR", null, List.of("ayse@gmail.com"), List.of()))
                        .updatedAt(at(2))
                        .build());

        ran(sync.sync(INCREMENTAL));

        CompanyId contoso = companies
                .findByDomain(Domain.of("contoso.com.tr"))
                .orElseThrow()
                .id();
        assertThat(companies.all()).hasSize(1);
        assertThat(companies.all().getFirst().name()).isEqualTo("Contoso Ltd");
        assertThat(companies.all().getFirst().source()).isEqualTo(CompanySource.PARTNER_CENTER);
        var linked = store.row("r-2").orElseThrow();
        assertThat(linked.linkStatus()).isEqualTo(LinkStatus.AUTO_LINKED);
        assertThat(linked.linkedCompany()).contains(contoso);
        assertThat(linked.record().classification().category()).isEqualTo(ReferralCategory.CO_SELL);
        // Without a company domain a referral is still stored, unlinked, and keeps the host it saw.
        var unlinked = store.row("r-3").orElseThrow();
        assertThat(unlinked.linkStatus()).isEqualTo(LinkStatus.UNLINKED);
        assertThat(unlinked.linkedCompany()).isEmpty();
        assertThat(unlinked.record().domain()).isInstanceOf(DomainExtraction.NotFound.class);
        assertThat(unlinked.record().domain().rawHost()).isEqualTo("gmail.com");
    }

    @Test
    void aSecondRunReportsUnchangedReferralsAndWritesNoContent() {
        source.put(aReferral("r-1").build(), aReferral("r-2").updatedAt(at(1)).build());
        ran(sync.sync(INCREMENTAL));
        var before = store.row("r-1").orElseThrow();

        SyncReport second = ran(sync.sync(SyncRequest.of(SyncTrigger.SCHEDULED, SyncMode.FULL)));

        assertThat(second.successCount()).isZero();
        assertThat(second.skippedReasons()).containsExactly(Map.entry(SkipReason.UNCHANGED, 2));
        assertThat(store.row("r-1").orElseThrow().record()).isEqualTo(before.record());
        assertThat(store.row("r-1").orElseThrow().changedAt()).isEqualTo(before.changedAt());
    }

    @Test
    void aStoredReferralIsUpdatedEvenWhenItNoLongerPassesTheFilter() {
        source.put(aReferral("r-1").status("Active").substatus("Accepted").build());
        ran(sync.sync(INCREMENTAL));

        source.put(aReferral("r-1")
                .status("Closed")
                .substatus("Won")
                .updatedAt(at(60))
                .build());
        SyncReport report = ran(sync.sync(INCREMENTAL));

        assertThat(report.updated()).isEqualTo(1);
        assertThat(store.row("r-1").orElseThrow().record().referral().status().raw())
                .isEqualTo("Closed");
    }

    @Test
    void aBadReferralNeverStopsTheRun() {
        source.putUnreadable(unreadable("r-bad", "bad_timestamp"))
                .putUnreadable(unreadable(null, "missing_id"))
                .put(aReferral("r-1").build(), aReferral("r-2").updatedAt(at(1)).build());

        SyncReport report = ran(sync.sync(INCREMENTAL));

        assertThat(report.status()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(report.isPartial()).isTrue();
        assertThat(report.failedReasons())
                .containsExactlyInAnyOrderEntriesOf(Map.of("bad_timestamp", 1, "missing_id", 1));
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.totalProcessed()).isEqualTo(report.totalFetched()).isEqualTo(4);
    }

    @Test
    void theWatermarkAdvancesPageByPageAndDrivesTheNextIncrementalRun() {
        source.put(
                aReferral("r-1").updatedAt(at(1)).build(),
                aReferral("r-2").updatedAt(at(2)).build(),
                aReferral("r-3").updatedAt(at(3)).direction("Outgoing").build());

        SyncReport first = ran(sync.sync(INCREMENTAL));
        ran(sync.sync(INCREMENTAL));

        assertThat(first.watermarkBefore()).isEmpty();
        assertThat(first.watermarkAfter()).contains(at(2));
        assertThat(store.watermark()).contains(at(2));
        assertThat(source.queries().get(1).updatedSince()).contains(at(2).minus(SyncSettings.DEFAULT_OVERLAP));
    }

    @Test
    void aFullRunIgnoresTheWatermark() {
        source.put(aReferral("r-1").build());
        ran(sync.sync(INCREMENTAL));

        ran(sync.sync(SyncRequest.of(SyncTrigger.SCHEDULED, SyncMode.FULL)));

        assertThat(source.queries().get(1).updatedSince()).isEmpty();
    }

    @Test
    void aSourceFailureFailsTheRunWithATypedErrorAndKeepsEarlierPages() {
        source.put(
                        aReferral("r-1").updatedAt(at(1)).build(),
                        aReferral("r-2").updatedAt(at(2)).build(),
                        aReferral("r-3").updatedAt(at(3)).build())
                .failOnPage(
                        2,
                        new ReferralSourceException(
                                SourceFailure.THROTTLED,
                                "Partner Center kept throttling after 5 retries",
                                429,
                                "throttled",
                                "req-42",
                                null));

        SyncReport report = ran(sync.sync(INCREMENTAL));

        assertThat(report.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(report.error()).hasValueSatisfying(error -> {
            assertThat(error.code()).isEqualTo(SyncErrorCode.THROTTLED);
            assertThat(error.httpStatus()).contains(429);
            assertThat(error.requestId()).contains("req-42");
        });
        assertThat(report.created()).isEqualTo(2);
        assertThat(store.watermark()).contains(at(2));
        assertThat(runLog.run(report.runId()).orElseThrow().status()).isEqualTo(SyncStatus.FAILED);
        assertThat(listener.events()).doesNotContain("fetched").endsWith("finished");
    }

    @Test
    void signInRequiredIsNeverAnEmptySuccess() {
        source.put(aReferral("r-1").build())
                .failOnPage(
                        1,
                        new ReferralSourceException(
                                SourceFailure.SIGN_IN_REQUIRED, "Run `hunter auth login` to sign in again."));

        SyncReport report = ran(sync.sync(INCREMENTAL));

        assertThat(report.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(report.error().orElseThrow().code()).isEqualTo(SyncErrorCode.SIGN_IN_REQUIRED);
        assertThat(report.error().orElseThrow().message()).contains("hunter auth login");
    }

    @Test
    void aStoreFailureFailsTheRunAndCountsThePageAsNotStored() {
        source.put(
                aReferral("r-1").updatedAt(at(1)).build(),
                aReferral("r-2").updatedAt(at(2)).build(),
                aReferral("r-3").updatedAt(at(3)).build());
        store.failPageWrite(2);

        SyncReport report = ran(sync.sync(INCREMENTAL));

        assertThat(report.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(report.error().orElseThrow().code()).isEqualTo(SyncErrorCode.INTERNAL_ERROR);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.failedReasons()).containsExactly(Map.entry("not_stored", 1));
        assertThat(report.totalProcessed()).isEqualTo(report.totalFetched());
        assertThat(store.watermark()).contains(at(2));
    }

    @Test
    void aLostDatabaseIsReportedAsSuchAndTheStoredPagesAreKept() {
        source.put(
                aReferral("r-1").updatedAt(at(1)).build(),
                aReferral("r-2").updatedAt(at(2)).build(),
                aReferral("r-3").updatedAt(at(3)).build());
        store.failPageWrite(
                2, new StorageUnavailableException("FATAL: terminating connection due to administrator command", null));

        SyncReport report = ran(sync.sync(INCREMENTAL));

        assertThat(report.status()).isEqualTo(SyncStatus.FAILED);
        SyncError error = report.error().orElseThrow();
        assertThat(error.code()).isEqualTo(SyncErrorCode.DATABASE_UNAVAILABLE);
        assertThat(error.message())
                .contains("database went away", "terminating connection", "resumes from the last stored page")
                .doesNotContain("unexpected");
        assertThat(store.watermark()).contains(at(2));
    }

    @Test
    void anInterruptedRunFinishesThePageInHandThenStops() {
        source.put(
                aReferral("r-1").updatedAt(at(1)).build(),
                aReferral("r-2").updatedAt(at(2)).build(),
                aReferral("r-3").updatedAt(at(3)).build());
        SyncListener interruptAfterFirstPage = new SyncListener() {
            @Override
            public void pageProcessed(SyncRunId runId, SyncProgress progress) {
                Thread.currentThread().interrupt();
            }
        };
        ReferralSync interruptible = new ReferralSync(
                source,
                store,
                companies,
                runLog,
                SyncSettings.DEFAULT,
                new ClassificationRulePcV1(),
                Clock.systemUTC(),
                interruptAfterFirstPage);

        SyncReport report;
        try {
            report = ran(interruptible.sync(INCREMENTAL));
            assertThat(Thread.currentThread().isInterrupted())
                    .as("the interrupt is kept for the caller")
                    .isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(report.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(report.error().orElseThrow().code()).isEqualTo(SyncErrorCode.INTERRUPTED);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.pagesFetched()).isEqualTo(1);
        assertThat(store.watermark()).contains(at(2));
    }

    @Test
    void anOperatorsLinkOutlivesLaterSyncs() {
        source.put(aReferralOf("r-1", "Contoso", "contoso.com.tr").build());
        ran(sync.sync(INCREMENTAL));
        CompanyId fabrikam = companies
                .findOrCreate(List.of(new CompanyCandidate(Domain.of("fabrikam.de"), "Fabrikam", CompanySource.MANUAL)))
                .get(Domain.of("fabrikam.de"))
                .id();
        store.recordOperatorLink(ReferralId.of("r-1"), new OperatorLink.LinkTo(fabrikam));

        source.put(aReferralOf("r-1", "Contoso", "contoso.com.tr")
                .status("Active")
                .updatedAt(at(60))
                .build());
        SyncReport report = ran(sync.sync(INCREMENTAL));

        assertThat(report.updated()).isEqualTo(1);
        assertThat(store.row("r-1").orElseThrow().linkStatus()).isEqualTo(LinkStatus.MANUAL_LINKED);
        assertThat(store.row("r-1").orElseThrow().linkedCompany()).contains(fabrikam);
    }

    @Test
    void aDryRunWritesNothing() {
        source.put(
                aReferral("r-1").build(),
                aReferral("r-2").updatedAt(at(1)).status("Closed").build());

        SyncReport report = ran(sync.sync(INCREMENTAL.asDryRun()));

        assertThat(report.dryRun()).isTrue();
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.skippedReasons()).containsExactly(Map.entry(SkipReason.STATUS, 1));
        assertThat(store.rows()).isEmpty();
        assertThat(companies.all()).isEmpty();
        assertThat(store.watermark()).isEmpty();
        assertThat(report.watermarkAfter()).isEmpty();
    }

    @Test
    void keepsTheLastCopyOfAReferralRepeatedInAPage() {
        // Partner Center can return a referral twice when it changes while we page; the later copy wins.
        Referral later = aReferral("r-1").status("Active").updatedAt(at(1)).build();
        ReferralSource twoCopies = query -> new ReferralSource.PageCursor() {
            private boolean done;

            @Override
            public Optional<SourcePage> nextPage() {
                if (done) {
                    return Optional.empty();
                }
                done = true;
                return Optional.of(new SourcePage(
                        1,
                        List.of(new SourceRecord.Readable(aReferral("r-1").build()), new SourceRecord.Readable(later)),
                        java.util.OptionalLong.empty()));
            }
        };
        ReferralSync syncOverCopies = new ReferralSync(
                twoCopies,
                store,
                companies,
                runLog,
                SyncSettings.DEFAULT,
                new ClassificationRulePcV1(),
                Clock.systemUTC(),
                listener);

        SyncReport report = ran(syncOverCopies.sync(INCREMENTAL));

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.skippedReasons()).containsExactly(Map.entry(SkipReason.DUPLICATE, 1));
        assertThat(store.row("r-1").orElseThrow().record().referral().status().raw())
                .isEqualTo("Active");
    }

    @Test
    void neverStartsWhileAnotherRunIsRunning() {
        SyncRunId running = SyncRunId.random();
        runLog.start(running, INCREMENTAL, BASE_TIME, Optional.empty());

        SyncOutcome outcome = sync.sync(INCREMENTAL);

        assertThat(outcome).isEqualTo(new SyncOutcome.Busy(running));
        assertThat(source.queries()).isEmpty();
        assertThat(listener.events()).containsExactly("rejected");
    }

    @Test
    void runsAQueuedRunUnderItsTaskId() {
        source.put(aReferral("r-1").build());
        SyncRunId queued = SyncRunId.random();
        runLog.enqueue(queued, SyncRequest.of(SyncTrigger.MANUAL, SyncMode.INCREMENTAL), BASE_TIME);

        SyncReport report = ran(sync.sync(
                SyncRequest.of(SyncTrigger.MANUAL, SyncMode.INCREMENTAL).forQueuedRun(queued)));

        assertThat(report.runId()).isEqualTo(queued);
        assertThat(report.trigger()).isEqualTo(SyncTrigger.MANUAL);
        assertThat(runLog.run(queued).orElseThrow().status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(runLog.run(queued).orElseThrow().progress()).isPresent();
    }

    @Test
    void reportsProgressAfterEveryPage() {
        source.put(
                aReferral("r-1").build(),
                aReferral("r-2").updatedAt(at(1)).build(),
                aReferral("r-3").updatedAt(at(2)).build());

        ran(sync.sync(INCREMENTAL));

        assertThat(listener.progress()).extracting(SyncProgress::fetched).containsExactly(2, 3);
        assertThat(listener.progress().getLast().expectedTotal()).hasValue(3);
        assertThat(listener.outcomes()).hasSize(3);
    }

    @Test
    void pageProgressCountsCreatedAndUpdatedApart() {
        source.put(aReferral("r-1").build(), aReferral("r-2").updatedAt(at(1)).build());
        ran(sync.sync(INCREMENTAL));
        source.put(
                aReferral("r-1")
                        .status("Closed")
                        .substatus("Won")
                        .updatedAt(at(60))
                        .build(),
                aReferral("r-3").updatedAt(at(61)).build());

        SyncReport second = ran(sync.sync(INCREMENTAL));

        // First run: one page, two new. Second run: r-2 again (unchanged, the watermark is inclusive) with r-1
        // (updated), then r-3 (created); each page's counts are the run's so far.
        assertThat(listener.progress())
                .extracting(SyncProgress::created, SyncProgress::updated, SyncProgress::skipped)
                .containsExactly(tuple(2, 0, 0), tuple(0, 1, 1), tuple(1, 1, 1));
        assertThat(listener.progress().getLast().succeeded()).isEqualTo(second.successCount());
        assertThat(runLog.run(second.runId()).orElseThrow().progress())
                .contains(listener.progress().getLast());
    }

    @Test
    void reportsItsDuration() {
        source.put(aReferral("r-1").build());

        SyncReport report = ran(sync.sync(INCREMENTAL));

        assertThat(report.duration()).isEqualTo(Duration.ZERO);
    }

    private static Instant at(int minutes) {
        return BASE_TIME.plusSeconds(60L * minutes);
    }

    private static SyncReport ran(SyncOutcome outcome) {
        assertThat(outcome).isInstanceOf(SyncOutcome.Ran.class);
        return ((SyncOutcome.Ran) outcome).report();
    }
}
