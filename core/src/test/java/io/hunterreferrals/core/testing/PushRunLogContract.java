package io.hunterreferrals.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.push.PushError;
import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushReport.PushRunStatus;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.push.PushRunId;
import io.hunterreferrals.core.push.PushRunLog;
import io.hunterreferrals.core.push.PushRunLog.PushClaim;
import io.hunterreferrals.core.referral.ReferralId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PushRunLog} must do; run against the in-memory log and PostgreSQL. */
public abstract class PushRunLogContract {

    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    protected static final PushRequest CLI = PushRequest.of(PushTrigger.CLI);

    protected PushRunLog log;

    protected abstract PushRunLog createLog();

    /**
     * A second log over the same records, as another process or instance opens it; the in-memory log, which has no
     * other process, is its own.
     */
    protected abstract PushRunLog sameRecordsElsewhere();

    /** The report recorded for a finished run, read back from the records. */
    protected abstract Optional<PushReport> finished(PushRunId runId);

    @BeforeEach
    void createLogUnderTest() {
        log = createLog();
    }

    @Test
    void aSecondStartIsBusyWithTheRunningRunUntilItFinishes() {
        PushRunId first = PushRunId.random();

        assertThat(log.start(first, CLI, NOW)).isEqualTo(new PushClaim.Started());
        assertThat(log.start(PushRunId.random(), PushRequest.of(PushTrigger.MANUAL), NOW))
                .isEqualTo(new PushClaim.Busy(first));
        assertThat(sameRecordsElsewhere().start(PushRunId.random(), CLI.asDryRun(), NOW))
                .isEqualTo(new PushClaim.Busy(first));

        log.finish(report(first, PushRunStatus.SUCCESS, Optional.empty()));

        PushRunId next = PushRunId.random();
        assertThat(sameRecordsElsewhere().start(next, CLI, NOW.plusSeconds(1))).isEqualTo(new PushClaim.Started());
        assertThat(log.start(PushRunId.random(), CLI, NOW.plusSeconds(2))).isEqualTo(new PushClaim.Busy(next));
        sameRecordsElsewhere().finish(report(next, PushRunStatus.SUCCESS, Optional.empty()));
    }

    @Test
    void finishRecordsTheReport() {
        PushRunId run = PushRunId.random();
        log.start(run, PushRequest.of(PushTrigger.AFTER_SYNC), NOW);
        PushReport partial = new PushReport(
                run,
                PushTrigger.AFTER_SYNC,
                false,
                PushRunStatus.PARTIAL,
                2,
                1,
                Map.of("unchanged", 3, "attempts_exhausted", 1),
                Map.of("duplicate_detected", 1),
                NOW,
                NOW.plusSeconds(5),
                Optional.empty());

        log.finish(partial);

        assertThat(finished(run)).contains(partial);
    }

    @Test
    void aFailedRunKeepsItsError() {
        PushRunId run = PushRunId.random();
        log.start(run, CLI.only(ReferralId.of("r-1")), NOW);
        PushReport failed = report(
                run,
                PushRunStatus.FAILED,
                Optional.of(new PushError(
                        PushErrorCode.THROTTLED,
                        "Still throttled after 5 attempts",
                        Optional.of(429),
                        Optional.of("0x80072322"),
                        Optional.of("req-42"))));

        log.finish(failed);

        assertThat(finished(run)).contains(failed);
        PushRunId next = PushRunId.random();
        assertThat(log.start(next, CLI, NOW.plusSeconds(10))).isEqualTo(new PushClaim.Started());
        log.finish(report(next, PushRunStatus.SUCCESS, Optional.empty()));
    }

    @Test
    void aDryRunIsRecordedLikeAnyOther() {
        PushRunId run = PushRunId.random();
        log.start(run, CLI.asDryRun(), NOW);
        PushReport dry = new PushReport(
                run,
                PushTrigger.CLI,
                true,
                PushRunStatus.SUCCESS,
                4,
                0,
                Map.of(),
                Map.of(),
                NOW,
                NOW.plusMillis(250),
                Optional.empty());

        log.finish(dry);

        assertThat(finished(run)).contains(dry);
    }

    protected static PushReport report(PushRunId run, PushRunStatus status, Optional<PushError> error) {
        return new PushReport(
                run, PushTrigger.CLI, false, status, 0, 0, Map.of(), Map.of(), NOW, NOW.plusSeconds(1), error);
    }
}
