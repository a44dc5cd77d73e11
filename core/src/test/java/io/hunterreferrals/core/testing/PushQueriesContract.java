package io.hunterreferrals.core.testing;

import static io.hunterreferrals.core.testing.PushCandidates.hash;
import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.push.PushCandidate;
import io.hunterreferrals.core.push.PushError;
import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.core.push.PushQueries;
import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushReport.PushRunStatus;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.push.PushRunId;
import io.hunterreferrals.core.push.PushRunLog;
import io.hunterreferrals.core.push.PushRunView;
import io.hunterreferrals.core.push.PushState.PushStatus;
import io.hunterreferrals.core.push.PushStateStore;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PushQueries} must show of what its store and run log recorded; run against the in-memory ports and
 * PostgreSQL.
 */
public abstract class PushQueriesContract {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    /** The write side and the read side over the same records. */
    public record Ports(PushRunLog log, PushStateStore store, PushQueries queries) {}

    protected Ports ports;

    protected abstract Ports createPorts();

    /** Stores the referral as the sync would, and returns it as the push reads it. */
    protected abstract PushCandidate storeAsTheSyncWould(ReferralRecord record);

    @BeforeEach
    void createPortsUnderTest() {
        ports = createPorts();
    }

    @Test
    void nothingRecordedShowsNothing() {
        assertThat(ports.queries().recentRuns(10)).isEmpty();
        assertThat(ports.queries().run(PushRunId.random())).isEmpty();
        assertThat(ports.queries().state(ReferralId.of("r-unknown"))).isEmpty();
    }

    @Test
    void aRunShowsAsRunningThenWithItsReport() {
        PushRunId run = PushRunId.random();
        ports.log().start(run, PushRequest.of(PushTrigger.MANUAL).only(ReferralId.of("r-07")), AT);

        PushRunView running = ports.queries().run(run).orElseThrow();
        assertThat(running.statusCode()).isEqualTo("running");
        assertThat(running.trigger()).isEqualTo(PushTrigger.MANUAL);
        assertThat(running.referral()).contains(ReferralId.of("r-07"));
        assertThat(running.startedAt()).isEqualTo(AT);
        assertThat(running.finishedAt()).isEmpty();

        PushError error = new PushError(
                PushErrorCode.THROTTLED,
                "Still throttled",
                Optional.of(429),
                Optional.of("0x80072322"),
                Optional.of("req-9"));
        ports.log()
                .finish(new PushReport(
                        run,
                        PushTrigger.MANUAL,
                        false,
                        PushRunStatus.FAILED,
                        3,
                        2,
                        Map.of("unchanged", 4),
                        Map.of("duplicate_detected", 1),
                        AT,
                        AT.plusSeconds(5),
                        Optional.of(error)));

        PushRunView done = ports.queries().run(run).orElseThrow();
        assertThat(done.statusCode()).isEqualTo("failed");
        assertThat(done.finishedAt()).contains(AT.plusSeconds(5));
        assertThat(done.created()).isEqualTo(3);
        assertThat(done.updated()).isEqualTo(2);
        assertThat(done.skipped()).isEqualTo(Map.of("unchanged", 4));
        assertThat(done.failed()).isEqualTo(Map.of("duplicate_detected", 1));
        assertThat(done.error()).contains(error);
    }

    @Test
    void recentRunsAreTheLatestFirstUpToTheLimit() {
        PushRunId first = finishedRun(AT, PushTrigger.AFTER_SYNC);
        PushRunId second = finishedRun(AT.plusSeconds(60), PushTrigger.CLI);
        PushRunId third = finishedRun(AT.plusSeconds(120), PushTrigger.MANUAL);

        assertThat(ports.queries().recentRuns(2)).extracting(PushRunView::runId).containsExactly(third, second);
        assertThat(ports.queries().recentRuns(100))
                .extracting(PushRunView::runId)
                .containsExactly(third, second, first);
        assertThatThrownBy(() -> ports.queries().recentRuns(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ports.queries().recentRuns(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReferralsStateIsWhatTheLastPushRecorded() {
        PushCandidate stored = storeAsTheSyncWould(PushStateStoreContract.record(aReferral("r-01")));
        Instant later = AT.plusSeconds(30);

        ports.store().recordFailed(stored, hash("lead A"), 1, "duplicate_detected", "A duplicate (request id q1)", AT);
        var failed = ports.queries().state(stored.referralId()).orElseThrow();
        assertThat(failed.status()).isEqualTo(PushStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastErrorCode()).contains("duplicate_detected");
        assertThat(failed.lastError()).contains("A duplicate (request id q1)");
        assertThat(failed.leadId()).isEmpty();

        ports.store().recordPushed(stored, "lead-0001", hash("lead A"), 1, later);
        var pushed = ports.queries().state(stored.referralId()).orElseThrow();
        assertThat(pushed.status()).isEqualTo(PushStatus.PUSHED);
        assertThat(pushed.leadId()).contains("lead-0001");
        assertThat(pushed.pushedAt()).contains(later);
        assertThat(pushed.attempts()).isZero();
        assertThat(pushed.lastErrorCode()).isEmpty();
    }

    private PushRunId finishedRun(Instant at, PushTrigger trigger) {
        PushRunId run = PushRunId.random();
        ports.log().start(run, PushRequest.of(trigger), at);
        ports.log()
                .finish(new PushReport(
                        run,
                        trigger,
                        false,
                        PushRunStatus.SUCCESS,
                        0,
                        0,
                        Map.of(),
                        Map.of(),
                        at,
                        at.plusSeconds(1).truncatedTo(ChronoUnit.MILLIS),
                        Optional.empty()));
        return run;
    }
}
