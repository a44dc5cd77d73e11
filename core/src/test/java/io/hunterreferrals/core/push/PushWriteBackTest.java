package io.hunterreferrals.core.push;

import static io.hunterreferrals.core.testing.PushCandidates.aCandidate;
import static io.hunterreferrals.core.testing.PushCandidates.withExternalReferenceId;
import static io.hunterreferrals.core.testing.PushCandidates.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.push.PushReport.PushRunStatus;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.push.WriteBackState.WriteBackStatus;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.testing.InMemoryLeadDestination;
import io.hunterreferrals.core.testing.InMemoryPushRunLog;
import io.hunterreferrals.core.testing.InMemoryPushStateStore;
import io.hunterreferrals.core.testing.InMemoryReferralWriteBack;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The optional write-back of each lead id to its referral in Partner Center, as the push does it. */
class PushWriteBackTest {

    private static final PushRequest PUSH = PushRequest.of(PushTrigger.CLI);
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final WriteBackResult.Refused NOT_UPDATABLE =
            new WriteBackResult.Refused("invalidRequest", "Partner Center refused it", Optional.of("req-9"), false);

    private final InMemoryLeadDestination destination = new InMemoryLeadDestination(3);
    private final InMemoryPushStateStore store = new InMemoryPushStateStore();
    private final InMemoryPushRunLog runLog = new InMemoryPushRunLog();
    private final InMemoryReferralWriteBack partnerCenter = new InMemoryReferralWriteBack();

    @Test
    void eachNewLeadIdIsWrittenBackWithTheStoredETagAndAnUnchangedReferralCausesNoSecondCall() {
        IntStream.rangeClosed(1, 4).forEach(i -> store.put(aCandidate("r-" + i, 1)));

        PushReport first = finished(withWriteBack().push(PUSH));

        assertThat(first.status()).isEqualTo(PushRunStatus.SUCCESS);
        assertThat(first.writtenBack()).isEqualTo(4);
        assertThat(partnerCenter.written())
                .containsEntry("r-1", destination.leadId("r-1").orElseThrow());
        assertThat(partnerCenter.calls().getFirst().eTag()).contains("\"etag-r-1-1\"");
        assertThat(writeBack("r-1").status()).isEqualTo(WriteBackStatus.WRITTEN);
        assertThat(writeBack("r-1").at()).isEqualTo(NOW);

        PushReport second = finished(withWriteBack().push(PUSH));

        assertThat(second.writtenBack()).isZero();
        assertThat(partnerCenter.calls()).hasSize(4);
    }

    @Test
    void anUpdatedLeadWhoseIdWasWrittenBackIsNotWrittenAgain() {
        store.put(aCandidate("r-1", 1));
        finished(withWriteBack().push(PUSH));
        store.put(withStatus(aCandidate("r-1", 1), "Closed", "Won"));

        PushReport report = finished(withWriteBack().push(PUSH));

        assertThat(report.updated()).isEqualTo(1);
        assertThat(partnerCenter.calls()).hasSize(1);
    }

    @Test
    void aReferralThatHoldsItsLeadIdAlreadyCausesNoCall() {
        store.put(aCandidate("r-1", 1));
        finished(withoutWriteBack().push(PUSH));
        String leadId = destination.leadId("r-1").orElseThrow();
        // the sync stored what a seller (or another tool) wrote in Partner Center: this very lead id
        store.put(withExternalReferenceId(aCandidate("r-1", 1), leadId));

        PushReport report = finished(withWriteBack().push(PUSH));

        assertThat(report.skipped()).containsExactly(Map.entry("unchanged", 1));
        assertThat(partnerCenter.calls()).isEmpty();
    }

    @Test
    void aRefusalIsRecordedIsNotFatalAndIsTriedAgainOnlyWhenTheLeadIsNextWritten() {
        IntStream.rangeClosed(1, 3).forEach(i -> store.put(aCandidate("r-" + i, 1)));
        partnerCenter.refuse("r-2", NOT_UPDATABLE);

        PushReport first = finished(withWriteBack().push(PUSH));

        assertThat(first.status()).isEqualTo(PushRunStatus.SUCCESS);
        assertThat(first.writtenBack()).isEqualTo(2);
        assertThat(first.writeBackRefused()).containsExactly(Map.entry("invalidRequest", 1));
        assertThat(writeBack("r-2")).satisfies(w -> {
            assertThat(w.status()).isEqualTo(WriteBackStatus.REFUSED);
            assertThat(w.errorCode()).contains("invalidRequest");
            assertThat(w.error()).contains("Partner Center refused it (request id req-9)");
        });
        assertThat(store.state(ReferralId.of("r-2")).orElseThrow().status()).isEqualTo(PushState.PushStatus.PUSHED);

        finished(withWriteBack().push(PUSH));
        assertThat(partnerCenter.calls()).hasSize(3);

        partnerCenter.up();
        store.put(aCandidate("r-2", 2));
        PushReport afterChange = finished(withWriteBack().push(PUSH));
        assertThat(afterChange.writtenBack()).isEqualTo(1);
        assertThat(writeBack("r-2").status()).isEqualTo(WriteBackStatus.WRITTEN);
    }

    @Test
    void anUnavailablePartnerCenterStopsTheRunsWriteBacksAndTheNextPushCatchesUp() {
        IntStream.rangeClosed(1, 4).forEach(i -> store.put(aCandidate("r-" + i, 1)));
        partnerCenter.down(
                new WriteBackResult.Unavailable("sign_in_required", "Run `hunter auth login`.", Optional.empty()));

        PushReport first = finished(withWriteBack().push(PUSH));

        assertThat(first.status()).isEqualTo(PushRunStatus.SUCCESS);
        assertThat(first.created()).isEqualTo(4);
        assertThat(first.writeBackRefused()).containsExactly(Map.entry("sign_in_required", 1));
        assertThat(partnerCenter.calls()).hasSize(1);
        assertThat(writeBack("r-1").status()).isEqualTo(WriteBackStatus.FAILED);
        assertThat(store.state(ReferralId.of("r-2")).orElseThrow().writeBack()).isEmpty();

        partnerCenter.up();
        PushReport second = finished(withWriteBack().push(PUSH));

        assertThat(second.created() + second.updated()).isZero();
        assertThat(second.writtenBack()).isEqualTo(4);
        assertThat(partnerCenter.written()).containsOnlyKeys("r-1", "r-2", "r-3", "r-4");
    }

    @Test
    void leadsPushedBeforeTheWriteBackWasOnAreWrittenBackOnce() {
        IntStream.rangeClosed(1, 3).forEach(i -> store.put(aCandidate("r-" + i, 1)));
        finished(withoutWriteBack().push(PUSH));
        partnerCenter.refuse("r-3", NOT_UPDATABLE);

        PushReport on = finished(withWriteBack().push(PUSH));

        assertThat(on.skipped()).isEmpty();
        assertThat(on.writtenBack()).isEqualTo(2);
        assertThat(finished(withWriteBack().push(PUSH)).writeBackRefusedCount()).isZero();
        assertThat(partnerCenter.calls()).hasSize(3);
    }

    @Test
    void aReferralThatChangedSinceTheSyncIsTriedAgainByTheNextPush() {
        store.put(aCandidate("r-1", 1));
        partnerCenter.refuse(
                "r-1", new WriteBackResult.Refused("preconditionFailed", "It changed", Optional.of("req-412"), true));

        finished(withWriteBack().push(PUSH));
        assertThat(writeBack("r-1").status()).isEqualTo(WriteBackStatus.FAILED);

        partnerCenter.up();
        assertThat(finished(withWriteBack().push(PUSH)).writtenBack()).isEqualTo(1);
        assertThat(partnerCenter.calls()).hasSize(2);
    }

    @Test
    void aDryRunWritesNothingBack() {
        store.put(aCandidate("r-1", 1));
        finished(withoutWriteBack().push(PUSH));
        store.put(aCandidate("r-2", 1));

        PushReport dry = finished(withWriteBack().push(PUSH.asDryRun()));

        assertThat(dry.created()).isEqualTo(1);
        assertThat(dry.writtenBack()).isZero();
        assertThat(partnerCenter.calls()).isEmpty();
    }

    @Test
    void oneReferralAskedForByIdRetriesARefusedWriteBack() {
        store.put(aCandidate("r-1", 1));
        partnerCenter.refuse("r-1", NOT_UPDATABLE);
        finished(withWriteBack().push(PUSH));
        partnerCenter.up();

        PushReport again = finished(withWriteBack().push(PUSH.only(ReferralId.of("r-1"))));

        assertThat(again.writtenBack()).isEqualTo(1);
        assertThat(writeBack("r-1").status()).isEqualTo(WriteBackStatus.WRITTEN);
    }

    @Test
    void aWriteBackThatThrowsIsRecordedAndTheLeadsStayPushed() {
        store.put(aCandidate("r-1", 1));
        store.put(aCandidate("r-2", 1));
        ReferralWriteBack broken = (referral, eTag, leadId) -> {
            throw new IllegalStateException("a defect");
        };

        PushReport report = finished(push(Optional.of(broken)).push(PUSH));

        assertThat(report.status()).isEqualTo(PushRunStatus.SUCCESS);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.writeBackRefused()).containsExactly(Map.entry("write_back_internal_error", 1));
        assertThat(writeBack("r-1").status()).isEqualTo(WriteBackStatus.FAILED);
    }

    private WriteBackState writeBack(String id) {
        return store.state(ReferralId.of(id)).orElseThrow().writeBack().orElseThrow();
    }

    private PushReferrals withWriteBack() {
        return push(Optional.of(partnerCenter));
    }

    private PushReferrals withoutWriteBack() {
        return push(Optional.empty());
    }

    private PushReferrals push(Optional<ReferralWriteBack> writeBack) {
        return new PushReferrals(
                destination,
                writeBack,
                store,
                runLog,
                PushFilter.ALL,
                2,
                new PushListener() {},
                () -> false,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static PushReport finished(PushOutcome outcome) {
        assertThat(outcome).isInstanceOf(PushOutcome.Finished.class);
        return ((PushOutcome.Finished) outcome).report();
    }
}
