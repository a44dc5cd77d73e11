package io.hunterreferrals.core.webhook;

import static io.hunterreferrals.core.testing.TestReferrals.BASE_TIME;
import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.ReferralSync;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncSettings;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.core.testing.InMemoryCompanyDirectory;
import io.hunterreferrals.core.testing.InMemoryHintQueue;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.core.testing.InMemoryReferralStore;
import io.hunterreferrals.core.testing.InMemorySyncRunLog;
import io.hunterreferrals.core.testing.RecordingSyncListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Hints become a sync run of the named referrals, through the sync's own rules and run slot. */
class ApplyHintsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(BASE_TIME.plusSeconds(3600));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final InMemoryReferralSource source = new InMemoryReferralSource(10);
    private final InMemoryReferralStore store = new InMemoryReferralStore();
    private final InMemorySyncRunLog runLog = new InMemorySyncRunLog();
    private final RecordingSyncListener syncListener = new RecordingSyncListener();
    private final ReferralSync sync = new ReferralSync(
            source,
            store,
            new InMemoryCompanyDirectory(),
            runLog,
            SyncSettings.DEFAULT,
            new ClassificationRulePcV1(),
            clock,
            syncListener);
    private final InMemoryHintQueue queue = new InMemoryHintQueue();
    private final ApplyHints apply = new ApplyHints(queue, sync, HintRetry.DEFAULT, clock, WebhookListener.NONE);

    private void firstSync() {
        source.put(aReferral("r-old").updatedAt(BASE_TIME.plusSeconds(10)).build());
        assertThat(sync.sync(SyncRequest.of(SyncTrigger.CLI, SyncMode.INCREMENTAL)))
                .isInstanceOf(SyncOutcome.Ran.class);
        assertThat(store.watermark()).contains(BASE_TIME.plusSeconds(10));
    }

    private void hint(String referral, Instant changedAt) {
        queue.offer(new ReferralHint(HintEvent.REFERRAL_CREATED, new ReferralId(referral), changedAt), now.get());
    }

    @Test
    void aHintedReferralIsStoredByAWebhookRunThatLeavesTheWatermarkAlone() {
        firstSync();
        Instant changed = BASE_TIME.plusSeconds(3000);
        source.put(aReferral("r-new").updatedAt(changed).build());
        hint("r-new", changed);
        hint("r-missing", changed);

        ApplyHints.Pass pass = apply.applyDue();

        assertThat(pass).isInstanceOfSatisfying(ApplyHints.Pass.Applied.class, applied -> {
            assertThat(applied.report().trigger()).isEqualTo(SyncTrigger.WEBHOOK);
            assertThat(applied.report().mode()).isEqualTo(SyncMode.REFERRALS);
            assertThat(applied.report().status()).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(applied.report().created())
                    .as("the one Partner Center has")
                    .isEqualTo(1);
            assertThat(applied.report().watermarkAfter()).contains(BASE_TIME.plusSeconds(10));
        });
        assertThat(store.row(new ReferralId("r-new"))).isPresent();
        assertThat(store.watermark()).as("only list reads move it").contains(BASE_TIME.plusSeconds(10));
        assertThat(source.queries().getLast().referrals())
                .containsExactly(new ReferralId("r-new"), new ReferralId("r-missing"));
        assertThat(queue.rows()).allSatisfy(r -> assertThat(r.state).isEqualTo("applied"));
        assertThat(apply.applyDue()).isInstanceOf(ApplyHints.Pass.Idle.class);
    }

    @Test
    void whileAnotherRunHoldsTheSlotTheHintsWaitWithoutCountingAnAttempt() {
        firstSync();
        hint("r-old", BASE_TIME.plusSeconds(20));
        runLog.start(
                SyncRunId.random(), SyncRequest.of(SyncTrigger.SCHEDULED, SyncMode.FULL), now.get(), Optional.empty());

        assertThat(apply.applyDue()).isInstanceOf(ApplyHints.Pass.Deferred.class);

        assertThat(queue.rows()).singleElement().satisfies(r -> {
            assertThat(r.state).isEqualTo("pending");
            assertThat(r.attempts).isZero();
            assertThat(r.lastError).contains("sync_busy");
        });
        assertThat(apply.applyDue()).as("not due before the busy delay").isInstanceOf(ApplyHints.Pass.Idle.class);
    }

    @Test
    void aFailingRunBacksOffAndAfterTheLastAttemptTheHintIsGivenUpToTheScheduledSync() {
        firstSync();
        hint("r-old", BASE_TIME.plusSeconds(20));
        source.failOnPage(1, new ReferralSourceException(SourceFailure.NETWORK, "Partner Center did not answer."));
        HintRetry retry = HintRetry.DEFAULT;

        for (int attempt = 1; attempt < retry.maxAttempts(); attempt++) {
            assertThat(apply.applyDue())
                    .isInstanceOfSatisfying(
                            ApplyHints.Pass.Failed.class,
                            failed -> assertThat(failed.gaveUp()).isZero());
            assertThat(apply.applyDue()).as("backing off").isInstanceOf(ApplyHints.Pass.Idle.class);
            now.set(now.get().plus(retry.backOff(attempt)));
        }
        assertThat(apply.applyDue())
                .isInstanceOfSatisfying(
                        ApplyHints.Pass.Failed.class,
                        failed -> assertThat(failed.gaveUp()).isEqualTo(1));
        assertThat(queue.rows()).singleElement().satisfies(r -> {
            assertThat(r.state).isEqualTo("gave_up");
            assertThat(r.attempts).isEqualTo(retry.maxAttempts());
            assertThat(r.lastError).contains("network_error");
        });
        now.set(now.get().plus(Duration.ofDays(1)));
        assertThat(apply.applyDue()).isInstanceOf(ApplyHints.Pass.Idle.class);
    }

    @Test
    void theBackOffDoublesUpToItsCeiling() {
        HintRetry retry = HintRetry.DEFAULT;
        assertThat(retry.backOff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retry.backOff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(retry.backOff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(retry.backOff(20)).isEqualTo(Duration.ofMinutes(5));
    }
}
