package io.hunterreferrals.core.push;

import static io.hunterreferrals.core.testing.PushCandidates.aCandidate;
import static io.hunterreferrals.core.testing.PushCandidates.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.push.PushReport.PushRunStatus;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.push.PushState.PushStatus;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.testing.InMemoryLeadDestination;
import io.hunterreferrals.core.testing.InMemoryPushRunLog;
import io.hunterreferrals.core.testing.InMemoryPushStateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PushReferralsTest {

    private static final PushRequest PUSH = PushRequest.of(PushTrigger.CLI);

    private final InMemoryLeadDestination destination = new InMemoryLeadDestination(3);
    private final InMemoryPushStateStore store = new InMemoryPushStateStore();
    private final InMemoryPushRunLog runLog = new InMemoryPushRunLog();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private PushFilter filter = PushFilter.ALL;

    @Test
    void theFirstPushCreatesOneLeadPerReferralInBatchesAndTheSecondSendsNothing() {
        IntStream.rangeClosed(1, 7).forEach(i -> store.put(aCandidate("r-" + i, 1)));

        PushReport first = finished(push().push(PUSH));

        assertThat(first.status()).isEqualTo(PushRunStatus.SUCCESS);
        assertThat(first.created()).isEqualTo(7);
        assertThat(destination.batches()).extracting(batch -> batch.size()).containsExactly(3, 3, 1);
        assertThat(destination.leads()).hasSize(7);
        assertThat(store.state(ReferralId.of("r-1"))).hasValueSatisfying(state -> {
            assertThat(state.status()).isEqualTo(PushStatus.PUSHED);
            assertThat(state.leadId()).isEqualTo(destination.leadId("r-1"));
        });

        PushReport second = finished(push().push(PUSH));

        assertThat(second.created() + second.updated()).isZero();
        assertThat(destination.draftsReceived()).isEqualTo(7);
        assertThat(runLog.finished()).hasSize(2);
    }

    @Test
    void aChangedReferralUpdatesOnlyItsLead() {
        store.put(aCandidate("r-1", 1));
        store.put(aCandidate("r-2", 1));
        finished(push().push(PUSH));
        store.put(withStatus(aCandidate("r-2", 1), "Closed", "Won"));

        PushReport report = finished(push().push(PUSH));

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.created()).isZero();
        assertThat(destination.batches().getLast())
                .extracting(d -> d.referralId().value())
                .containsExactly("r-2");
        assertThat(destination.leads().get("r-2").status()).isEqualTo("Closed");
    }

    @Test
    void aReferralTheSyncRewroteWithTheSameLeadValuesIsCheckedNotSent() {
        store.put(aCandidate("r-1", 1));
        finished(push().push(PUSH));
        // a new stored hash (say, a changed payload field the lead does not show), the same lead values
        PushCandidate rewritten = aCandidate("r-1", 1);
        store.put(new PushCandidate(
                rewritten.referralId(),
                io.hunterreferrals.core.testing.PushCandidates.hash("other"),
                rewritten.name(),
                rewritten.companyName(),
                rewritten.domain(),
                rewritten.country(),
                rewritten.dealValue(),
                rewritten.notes(),
                rewritten.contact(),
                rewritten.category(),
                rewritten.status(),
                rewritten.substatus(),
                rewritten.eTag(),
                rewritten.externalReferenceId(),
                Optional.empty()));

        PushReport report = finished(push().push(PUSH));

        assertThat(report.skipped()).containsExactly(Map.entry("unchanged", 1));
        assertThat(destination.draftsReceived()).isEqualTo(1);
        assertThat(store.due(PushFilter.ALL, LeadMapping.VERSION, Optional.empty(), 10))
                .isEmpty();
    }

    @Test
    void aRefusedLeadFailsAloneIsRetriedAndGivenUpAfterTheLastAttemptUntilItChanges() {
        store.put(aCandidate("r-1", 1));
        store.put(aCandidate("r-2", 1));
        destination.refuse("r-1");

        PushReport first = finished(push().push(PUSH));

        assertThat(first.status()).isEqualTo(PushRunStatus.PARTIAL);
        assertThat(first.created()).isEqualTo(1);
        assertThat(first.failed()).containsExactly(Map.entry("refused_by_test", 1));
        assertThat(store.state(ReferralId.of("r-1"))).hasValueSatisfying(state -> {
            assertThat(state.status()).isEqualTo(PushStatus.FAILED);
            assertThat(state.attempts()).isEqualTo(1);
            assertThat(state.lastError()).contains("The test refused it (request id req-r-1)");
        });

        finished(push().push(PUSH)); // attempt 2
        PushReport third = finished(push().push(PUSH));

        assertThat(third.skipped()).containsExactly(Map.entry("attempts_exhausted", 1));
        assertThat(store.state(ReferralId.of("r-1")).orElseThrow().attempts()).isEqualTo(2);

        destination.accept("r-1");
        store.put(aCandidate("r-1", 2));
        PushReport afterChange = finished(push().push(PUSH));
        assertThat(afterChange.created()).isEqualTo(1);
        assertThat(store.state(ReferralId.of("r-1")).orElseThrow().attempts()).isZero();
    }

    @Test
    void aDestinationThatIsDownFailsTheRunAndKeepsWhatWasRecorded() {
        IntStream.rangeClosed(1, 4).forEach(i -> store.put(aCandidate("r-" + i, 1)));
        destination.down(new LeadDestinationException(
                PushErrorCode.APPLICATION_USER_MISSING,
                "Add the app as an application user",
                403,
                "0x80072560",
                "req-1",
                null));

        PushReport report = finished(push().push(PUSH));

        assertThat(report.status()).isEqualTo(PushRunStatus.FAILED);
        assertThat(report.error()).hasValueSatisfying(error -> {
            assertThat(error.code()).isEqualTo(PushErrorCode.APPLICATION_USER_MISSING);
            assertThat(error.destinationErrorCode()).contains("0x80072560");
            assertThat(error.requestId()).contains("req-1");
        });
        assertThat(store.state(ReferralId.of("r-1"))).isEmpty();
        assertThat(runLog.running()).isEmpty();

        destination.up();
        assertThat(finished(push().push(PUSH)).created()).isEqualTo(4);
    }

    @Test
    void aDryRunCountsAndWritesNothing() {
        store.put(aCandidate("r-1", 1));
        store.put(aCandidate("r-2", 1));
        finished(push().push(PushRequest.of(PushTrigger.CLI).only(ReferralId.of("r-1"))));
        store.put(aCandidate("r-1", 2));

        PushReport dry = finished(push().push(PUSH.asDryRun()));

        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.created()).isEqualTo(1);
        assertThat(dry.updated()).isEqualTo(1);
        assertThat(destination.draftsReceived()).isEqualTo(1);
        assertThat(store.state(ReferralId.of("r-2"))).isEmpty();
    }

    @Test
    void oneReferralAskedForByNameIsSentEvenWhenUnchanged() {
        store.put(aCandidate("r-1", 1));
        finished(push().push(PUSH));

        PushReport again = finished(push().push(PUSH.only(ReferralId.of("r-1"))));

        assertThat(again.updated()).isEqualTo(1);
        assertThat(destination.draftsReceived()).isEqualTo(2);
    }

    @Test
    void theFilterLimitsWhichReferralsBecomeLeads() {
        store.put(aCandidate("r-1", 1));
        store.put(withStatus(aCandidate("r-2", 1), "Closed", "Lost"));
        filter = new PushFilter(java.util.Set.of(), java.util.Set.of("active"));

        assertThat(finished(push().push(PUSH)).created()).isEqualTo(1);
        assertThat(destination.leads()).containsOnlyKeys("r-1");
    }

    @Test
    void aStopEndsTheRunAfterTheBatchInHand() {
        IntStream.rangeClosed(1, 7).forEach(i -> store.put(aCandidate("r-" + i, 1)));
        stopping.set(true);

        PushReport report = finished(push().push(PUSH));

        assertThat(report.error()).map(PushError::code).contains(PushErrorCode.INTERRUPTED);
        assertThat(report.created()).isEqualTo(3);
        stopping.set(false);
        assertThat(finished(push().push(PUSH)).created()).isEqualTo(4);
    }

    @Test
    void aSecondPushWhileOneRunsIsRefused() {
        PushRunId other = PushRunId.random();
        runLog.start(other, PUSH, Instant.EPOCH);

        assertThat(push().push(PUSH)).isEqualTo(new PushOutcome.Busy(other));
    }

    private PushReferrals push() {
        return new PushReferrals(
                destination,
                store,
                runLog,
                filter,
                2,
                new PushListener() {},
                stopping::get,
                Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
    }

    private static PushReport finished(PushOutcome outcome) {
        assertThat(outcome).isInstanceOf(PushOutcome.Finished.class);
        return ((PushOutcome.Finished) outcome).report();
    }
}
