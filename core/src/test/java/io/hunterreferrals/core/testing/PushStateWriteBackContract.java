package io.hunterreferrals.core.testing;

import static io.hunterreferrals.core.testing.PushCandidates.hash;
import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.domainname.CompanyDomainExtractor;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.push.PushCandidate;
import io.hunterreferrals.core.push.PushFilter;
import io.hunterreferrals.core.push.PushState;
import io.hunterreferrals.core.push.PushStateStore;
import io.hunterreferrals.core.push.WriteBackState;
import io.hunterreferrals.core.push.WriteBackState.WriteBackStatus;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.core.sync.ReferralRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PushStateStore} must do for the write-back of lead ids to Partner Center; run against the in-memory
 * store and PostgreSQL, with referrals stored the way the sync stores them.
 */
public abstract class PushStateWriteBackContract {

    private static final int VERSION = 1;
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant LATER = AT.plusSeconds(3600);
    private static final ContentHash LEAD_A = hash("lead values A");
    private static final ContentHash LEAD_B = hash("lead values B");
    private static final WriteBackState REFUSED = WriteBackState.notWritten(
            WriteBackStatus.REFUSED, "invalidRequest", "Not updatable (request id req-1)", AT);
    private static final WriteBackState FAILED =
            WriteBackState.notWritten(WriteBackStatus.FAILED, "partner_center_unavailable", "Down", AT);

    protected PushStateStore store;

    protected abstract PushStateStore createStore();

    /** Stores (or, as a sync that saw a change, rewrites) the referral, and returns it as the push reads it. */
    protected abstract PushCandidate storeAsTheSyncWould(ReferralRecord record);

    @BeforeEach
    void createStoreUnderTest() {
        store = createStore();
    }

    @Test
    void aCandidateCarriesTheStoredETagAndExternalReferenceId() {
        PushCandidate with =
                storeAsTheSyncWould(record(aReferral("r-01").eTag("\"e-1\"").externalReferenceId("crm-9")));
        PushCandidate without = storeAsTheSyncWould(record(aReferral("r-02").eTag(null)));

        assertThat(with.eTag()).contains("\"e-1\"");
        assertThat(with.externalReferenceId()).contains("crm-9");
        assertThat(without.eTag()).isEmpty();
        assertThat(without.externalReferenceId()).isEmpty();
    }

    @Test
    void theOutcomeIsKeptWhileTheLeadStaysAndDroppedForAnotherLead() {
        PushCandidate stored = storeAsTheSyncWould(record(aReferral("r-01")));
        store.recordPushed(stored, "lead-1", LEAD_A, VERSION, AT);
        assertThat(state(stored).writeBack()).isEmpty();

        store.recordWriteBack(stored, WriteBackState.written(AT));
        assertThat(state(stored).writeBack()).contains(WriteBackState.written(AT));
        assertThat(state(stored).updatedAt())
                .as("the lead's state is unchanged")
                .isEqualTo(AT);

        store.recordPushed(stored, "lead-1", LEAD_B, VERSION, LATER);
        store.recordFailed(stored, LEAD_A, VERSION, "refused", "no", LATER);
        assertThat(state(stored).writeBack()).contains(WriteBackState.written(AT));

        store.recordWriteBack(stored, REFUSED);
        assertThat(state(stored).writeBack()).contains(REFUSED);

        store.recordPushed(stored, "lead-2", LEAD_A, VERSION, LATER);
        assertThat(state(stored).writeBack()).as("it was made for lead-1").isEmpty();
    }

    @Test
    void dueAreThePushedLeadsWithoutAWrittenOrRefusedWriteBackInIdOrder() {
        pushed("r-01", "lead-1", Optional.empty());
        pushed("r-02", "lead-2", Optional.of(WriteBackState.written(AT)));
        pushed("r-03", "lead-3", Optional.of(REFUSED));
        pushed("r-04", "lead-4", Optional.of(FAILED));
        storeAsTheSyncWould(record(aReferral("r-05"))); // never pushed
        PushCandidate failedPush = storeAsTheSyncWould(record(aReferral("r-06")));
        store.recordFailed(failedPush, LEAD_A, VERSION, "invalid_value", "no", AT);
        PushCandidate holdsIt = storeAsTheSyncWould(record(aReferral("r-07").externalReferenceId("lead-7")));
        store.recordPushed(holdsIt, "lead-7", LEAD_A, VERSION, AT);
        PushCandidate holdsOther = storeAsTheSyncWould(record(aReferral("r-08").externalReferenceId("crm-1")));
        store.recordPushed(holdsOther, "lead-8", LEAD_A, VERSION, AT);

        List<PushCandidate> due = store.writeBackDue(PushFilter.ALL, Optional.empty(), 10);

        assertThat(ids(due)).containsExactly("r-01", "r-04", "r-08");
        assertThat(due.getFirst().state()).map(PushState::leadId).contains(Optional.of("lead-1"));
        assertThat(due.getFirst().eTag()).contains("\"etag-r-01\"");
        assertThat(ids(store.writeBackDue(PushFilter.ALL, Optional.empty(), 1))).containsExactly("r-01");
        assertThat(ids(store.writeBackDue(PushFilter.ALL, Optional.of(ReferralId.of("r-01")), 10)))
                .containsExactly("r-04", "r-08");
        assertThat(store.writeBackDue(new PushFilter(Set.of(), Set.of("Closed")), Optional.empty(), 10))
                .isEmpty();
    }

    @Test
    void aReferralTheSyncStoredWithTheLeadIdIsNoLongerDue() {
        pushed("r-01", "lead-1", Optional.empty());

        storeAsTheSyncWould(record(aReferral("r-01").eTag("\"etag-2\"").externalReferenceId("lead-1")));

        assertThat(store.writeBackDue(PushFilter.ALL, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void forgettingEveryStateForgetsTheWriteBacks() {
        pushed("r-01", "lead-1", Optional.of(WriteBackState.written(AT)));

        store.forgetAll();

        assertThat(store.find(ReferralId.of("r-01")).orElseThrow().state()).isEmpty();
        assertThat(store.writeBackDue(PushFilter.ALL, Optional.empty(), 10)).isEmpty();
    }

    private void pushed(String id, String leadId, Optional<WriteBackState> writeBack) {
        PushCandidate stored = storeAsTheSyncWould(record(aReferral(id)));
        store.recordPushed(stored, leadId, LEAD_A, VERSION, AT);
        writeBack.ifPresent(w -> store.recordWriteBack(stored, w));
    }

    private static ReferralRecord record(Referral.Builder referral) {
        Referral built = referral.build();
        var classification = new ClassificationRulePcV1().classify(built);
        DomainExtraction domain = new CompanyDomainExtractor().extract(built);
        return new ReferralRecord(
                built, classification, domain, Optional.empty(), ContentHash.of(built, classification, domain));
    }

    private PushState state(PushCandidate candidate) {
        return store.find(candidate.referralId()).orElseThrow().state().orElseThrow();
    }

    private static List<String> ids(List<PushCandidate> candidates) {
        return candidates.stream().map(c -> c.referralId().value()).toList();
    }
}
