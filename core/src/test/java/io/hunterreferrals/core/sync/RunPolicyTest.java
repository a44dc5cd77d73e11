package io.hunterreferrals.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.sync.RunPolicy.Decision;
import io.hunterreferrals.core.sync.RunPolicy.SkipCause;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RunPolicyTest {

    private static final Instant STALE_BEFORE = Instant.parse("2026-03-01T08:00:00Z");
    private final RunPolicy policy = new RunPolicy("HUNTER_PARTNER_CENTER_ENABLED");

    @Test
    void aScheduledRunStartsOnlyWithTheFlagOnAndNoShutdown() {
        assertThat(policy.scheduled(true, false)).isInstanceOf(Decision.Start.class);
        assertThat(policy.scheduled(false, false)).isEqualTo(new Decision.Skip(SkipCause.FEATURE_FLAG_DISABLED));
        assertThat(policy.scheduled(true, true)).isInstanceOf(Decision.RetryLater.class);
    }

    @Test
    void aQueuedRunWaitsOutAShutdownWithoutReadingItsRecord() {
        AtomicBoolean read = new AtomicBoolean();
        Decision decision = policy.queued(
                () -> {
                    read.set(true);
                    return Optional.of(SyncStatus.QUEUED);
                },
                true,
                true);

        assertThat(decision).isInstanceOf(Decision.RetryLater.class);
        assertThat(read).isFalse();
    }

    @Test
    void aQueuedRunThatIsSettledOrGoneIsSkipped() {
        assertThat(policy.queued(() -> Optional.of(SyncStatus.FAILED), true, false))
                .isEqualTo(new Decision.Skip(SkipCause.RUN_NOT_QUEUED));
        assertThat(policy.queued(Optional::empty, false, false)).isEqualTo(new Decision.Skip(SkipCause.RUN_NOT_QUEUED));
    }

    @Test
    void aQueuedRunFailsWhenTheFlagWasTurnedOffAndNamesTheFlag() {
        Decision decision = policy.queued(() -> Optional.of(SyncStatus.QUEUED), false, false);

        assertThat(decision).isInstanceOfSatisfying(Decision.FailQueued.class, fail -> {
            assertThat(fail.reason()).isEqualTo(SkipCause.FEATURE_FLAG_DISABLED);
            assertThat(fail.error().code()).isEqualTo(SyncErrorCode.PARTNER_CENTER_DISABLED);
            assertThat(fail.error().message()).startsWith("HUNTER_PARTNER_CENTER_ENABLED was turned off");
        });
        assertThat(policy.queued(() -> Optional.of(SyncStatus.QUEUED), true, false))
                .isInstanceOf(Decision.Start.class);
    }

    @Test
    void aRunStartedInProcessNeedsOnlyTheFlag() {
        assertThat(policy.direct(true)).isInstanceOf(Decision.Start.class);
        assertThat(policy.direct(false)).isEqualTo(new Decision.Skip(SkipCause.FEATURE_FLAG_DISABLED));
    }

    @Test
    void onlyAStaleQueuedRunWithoutAnExecutionIsOrphaned() {
        Instant old = STALE_BEFORE.minusSeconds(1);
        assertThat(policy.orphaned(SyncStatus.QUEUED, old, STALE_BEFORE, () -> false))
                .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(SyncErrorCode.NOT_DISPATCHED));
        assertThat(policy.orphaned(SyncStatus.QUEUED, old, STALE_BEFORE, () -> true))
                .isEmpty();
        assertThat(policy.orphaned(SyncStatus.QUEUED, STALE_BEFORE, STALE_BEFORE, () -> false))
                .isEmpty();
        assertThat(policy.orphaned(SyncStatus.RUNNING, old, STALE_BEFORE, () -> false))
                .isEmpty();
    }

    @Test
    void theSchedulerIsAskedAboutTheExecutionOnlyForAStaleQueuedRun() {
        AtomicBoolean asked = new AtomicBoolean();
        policy.orphaned(SyncStatus.RUNNING, STALE_BEFORE.minusSeconds(60), STALE_BEFORE, () -> asked.getAndSet(true));
        policy.orphaned(SyncStatus.QUEUED, STALE_BEFORE.plusSeconds(60), STALE_BEFORE, () -> asked.getAndSet(true));

        assertThat(asked).isFalse();
    }
}
