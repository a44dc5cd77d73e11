package io.hunterreferrals.core.sync;

import static io.hunterreferrals.core.testing.TestReferrals.BASE_TIME;
import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static io.hunterreferrals.core.testing.TestReferrals.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.Classification;
import io.hunterreferrals.core.classification.ClassificationRule;
import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.testing.InMemoryCompanyDirectory;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.core.testing.InMemoryReferralStore;
import io.hunterreferrals.core.testing.InMemorySyncRunLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 17, defect 1: a referral that fails on its content is quarantined and never holds the watermark back. */
class ReferralSyncQuarantineTest {

    private static final SyncRequest INCREMENTAL = SyncRequest.of(SyncTrigger.CLI, SyncMode.INCREMENTAL);
    private static final SyncRequest FULL = SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL);

    private final InMemoryReferralSource source = new InMemoryReferralSource(3);
    private final InMemoryReferralStore store = new InMemoryReferralStore();
    private final InMemorySyncRunLog runLog = new InMemorySyncRunLog();

    @Test
    void contentFailuresGoToTheQuarantineAndTheWatermarkMovesPastThem() {
        source.putUnreadable(unreadable("r-bad", "bad_timestamp"))
                .putUnreadable(unreadable(null, "missing_id"))
                .put(
                        aReferral("r-1").updatedAt(at(10)).build(),
                        aReferral("r-2").updatedAt(at(20)).build());

        SyncReport report = run(INCREMENTAL);

        assertThat(report.status()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(report.failedReasons())
                .containsExactlyInAnyOrderEntriesOf(Map.of("bad_timestamp", 1, "missing_id", 1));
        assertThat(report.watermarkAfter()).contains(at(20));
        assertThat(store.watermark()).contains(at(20));
        assertThat(store.quarantine())
                .extracting(
                        q -> q.failure().reason(),
                        q -> q.failure().page(),
                        q -> q.failure().position(),
                        q -> q.lastRun())
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("bad_timestamp", 1, 1, report.runId()),
                        org.assertj.core.api.Assertions.tuple("missing_id", 1, 2, report.runId()));
        assertThat(store.quarantine().get(0).failure().updatedDateTime()).contains("not a date");
        assertThat(store.quarantine().get(0).failure().payload().json()).contains("r-bad");
    }

    @Test
    void theNextIncrementalRunStartsAfterTheQuarantinedReferrals() {
        source.putUnreadable(unreadable(null, "missing_id"))
                .put(aReferral("r-1").updatedAt(at(10)).build());
        run(INCREMENTAL);

        run(INCREMENTAL);

        assertThat(source.queries().get(1).updatedSince()).contains(at(10).minus(SyncSettings.DEFAULT_OVERLAP));
        assertThat(store.quarantine())
                .singleElement()
                .satisfies(q -> assertThat(q.timesSeen()).isEqualTo(2));
    }

    @Test
    void aReferralARuleFailsOnIsQuarantinedWithItsPayloadAndPlace() {
        ClassificationRule failsOnBoom = new ClassificationRule() {
            private final ClassificationRulePcV1 rule = new ClassificationRulePcV1();

            @Override
            public String version() {
                return rule.version();
            }

            @Override
            public Classification classify(Referral referral) {
                if (referral.id().value().equals("r-boom")) {
                    throw new IllegalStateException("a rule bug");
                }
                return rule.classify(referral);
            }
        };
        source.put(
                aReferral("r-1").updatedAt(at(1)).build(),
                aReferral("r-boom").updatedAt(at(2)).build());

        SyncReport report = sync(failsOnBoom).sync(INCREMENTAL) instanceof SyncOutcome.Ran ran ? ran.report() : null;

        assertThat(report.status()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(report.failedReasons()).containsExactly(Map.entry("processing_error", 1));
        assertThat(store.quarantine()).singleElement().satisfies(q -> {
            assertThat(q.failure().key()).isEqualTo("id:r-boom");
            assertThat(q.failure().position()).isEqualTo(2);
            assertThat(q.failure().updatedDateTime()).contains(at(2).toString());
        });
        assertThat(store.watermark()).contains(at(2));
    }

    @Test
    void aReferralThatStoresLaterLeavesTheQuarantineAndTheRunIsNoLongerPartial() {
        source.putUnreadable(unreadable("r-bad", "bad_timestamp"))
                .put(aReferral("r-1").updatedAt(at(1)).build());
        run(INCREMENTAL);

        source.clearUnreadable().put(aReferral("r-bad").updatedAt(at(30)).build());
        SyncReport fixed = run(INCREMENTAL);

        assertThat(fixed.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(store.row("r-bad")).isPresent();
        assertThat(store.quarantine()).isEmpty();
    }

    @Test
    void aCompletedFullRunForgetsTheFailuresItNoLongerMeetsAndAnIncrementalOneDoesNot() {
        source.putUnreadable(unreadable(null, "missing_id"))
                .put(aReferral("r-1").updatedAt(at(1)).build());
        run(INCREMENTAL);
        source.clearUnreadable();

        run(INCREMENTAL.asDryRun());
        run(INCREMENTAL);
        assertThat(store.quarantine()).hasSize(1);

        SyncReport full = run(FULL);
        assertThat(full.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(store.quarantine()).isEmpty();
    }

    @Test
    void aFullRunThatFailsForgetsNothing() {
        source.putUnreadable(unreadable(null, "missing_id"))
                .put(
                        aReferral("r-1").updatedAt(at(1)).build(),
                        aReferral("r-2").updatedAt(at(2)).build(),
                        aReferral("r-3").updatedAt(at(3)).build());
        run(INCREMENTAL);
        source.clearUnreadable();
        store.failPageWrite(1);

        assertThat(run(FULL).status()).isEqualTo(SyncStatus.FAILED);

        assertThat(store.quarantine()).hasSize(1);
    }

    @Test
    void aDryRunQuarantinesNothing() {
        source.putUnreadable(unreadable("r-bad", "bad_timestamp"))
                .put(aReferral("r-1").updatedAt(at(1)).build());

        SyncReport report = run(INCREMENTAL.asDryRun());

        assertThat(report.status()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(store.quarantine()).isEmpty();
        assertThat(store.watermark()).isEmpty();
    }

    private SyncReport run(SyncRequest request) {
        return ((SyncOutcome.Ran) sync(new ClassificationRulePcV1()).sync(request)).report();
    }

    private ReferralSync sync(ClassificationRule rule) {
        return new ReferralSync(
                source,
                store,
                new InMemoryCompanyDirectory(),
                runLog,
                SyncSettings.DEFAULT,
                rule,
                Clock.fixed(BASE_TIME.plusSeconds(3600), ZoneOffset.UTC),
                SyncListener.NONE);
    }

    private static Instant at(int minutes) {
        return BASE_TIME.plusSeconds(60L * minutes);
    }
}
