package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.sync.RunClaim;
import io.hunterreferrals.core.sync.SourceQuery;
import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncProgress;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncRunLog;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.core.sync.SyncTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The heartbeat beats for the run in hand only, and only ever as a heartbeat: it never rewrites progress. */
class RunHeartbeatTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration INTERVAL = Duration.ofMillis(10);
    private static final SyncRequest REQUEST = SyncRequest.of(SyncTrigger.SCHEDULED, SyncMode.INCREMENTAL);

    private final BeatRecorder runLog = new BeatRecorder();

    @Test
    void beatsForTheRunningRunUntilItFinishes() throws InterruptedException {
        SyncRunId runId = SyncRunId.random();
        try (RunHeartbeat heartbeat = new RunHeartbeat(runLog, INTERVAL, Clock.fixed(NOW, ZoneOffset.UTC))) {
            Thread.sleep(INTERVAL.toMillis() * 5);
            assertThat(runLog.beats).as("no run, no beat").isEmpty();

            heartbeat.runStarted(runId, REQUEST, new SourceQuery(List.of("Incoming"), Optional.empty()));
            assertThat(runLog.beats.poll(5, TimeUnit.SECONDS)).isEqualTo(new Beat(runId, NOW));

            heartbeat.runFinished(report(runId));
            // A beat already under way may still land (the log ignores it once the run finished); later ones must not.
            Thread.sleep(INTERVAL.toMillis() * 5);
            runLog.beats.clear();
            Thread.sleep(INTERVAL.toMillis() * 10);
            assertThat(runLog.beats).isEmpty();
        }
        assertThat(runLog.otherCalls).isEmpty();
    }

    private static SyncReport report(SyncRunId runId) {
        return new SyncReport(
                runId,
                SyncTrigger.SCHEDULED,
                SyncMode.INCREMENTAL,
                false,
                SyncStatus.SUCCEEDED,
                1,
                0,
                Map.of(),
                Map.of(),
                1,
                1,
                NOW,
                NOW,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private record Beat(SyncRunId runId, Instant at) {}

    /** Records heartbeats; any other call is recorded too, as something the heartbeat must never do. */
    private static final class BeatRecorder implements SyncRunLog {

        final BlockingQueue<Beat> beats = new LinkedBlockingQueue<>();
        final List<String> otherCalls = new CopyOnWriteArrayList<>();

        @Override
        public void heartbeat(SyncRunId runId, Instant at) {
            beats.add(new Beat(runId, at));
        }

        @Override
        public void progress(SyncRunId runId, SyncProgress progress, Instant at) {
            otherCalls.add("progress");
        }

        @Override
        public RunClaim enqueue(SyncRunId runId, SyncRequest request, Instant requestedAt) {
            otherCalls.add("enqueue");
            return RunClaim.CLAIMED;
        }

        @Override
        public RunClaim start(
                SyncRunId runId, SyncRequest request, Instant startedAt, Optional<Instant> watermarkBefore) {
            otherCalls.add("start");
            return RunClaim.CLAIMED;
        }

        @Override
        public void finish(SyncReport report) {
            otherCalls.add("finish");
        }

        @Override
        public void failQueued(SyncRunId runId, SyncError error, Instant at) {
            otherCalls.add("failQueued");
        }

        @Override
        public List<SyncRunId> failAbandoned(Instant heartbeatBefore, Instant now) {
            otherCalls.add("failAbandoned");
            return List.of();
        }
    }
}
