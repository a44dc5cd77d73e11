package io.hunterreferrals.core.testing;

import static io.hunterreferrals.core.testing.PushCandidates.hash;
import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.domainname.CompanyDomainExtractor;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.push.PushCandidate;
import io.hunterreferrals.core.push.PushFilter;
import io.hunterreferrals.core.push.PushState;
import io.hunterreferrals.core.push.PushState.PushStatus;
import io.hunterreferrals.core.push.PushStateStore;
import io.hunterreferrals.core.referral.CustomerContact;
import io.hunterreferrals.core.referral.CustomerProfile;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.core.sync.ReferralRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PushStateStore} must do; run against the in-memory store and PostgreSQL. Referrals are stored the
 * way the sync stores them ({@link #storeAsTheSyncWould}), so a real store reads real rows and content hashes.
 */
public abstract class PushStateStoreContract {

    protected static final int VERSION = 1;
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant LATER = AT.plusSeconds(3600);
    private static final ContentHash LEAD_A = hash("lead values A");
    private static final ContentHash LEAD_B = hash("lead values B");

    protected PushStateStore store;

    protected abstract PushStateStore createStore();

    /** Stores (or, as a sync that saw a change, rewrites) the referral, and returns it as the push reads it. */
    protected abstract PushCandidate storeAsTheSyncWould(ReferralRecord record);

    @BeforeEach
    void createStoreUnderTest() {
        store = createStore();
    }

    @Test
    void aReferralNeverPushedIsDueWithTheValuesALeadIsMadeOf() {
        PushCandidate stored = storeAsTheSyncWould(record(withContacts(aReferral("r-01"))));

        List<PushCandidate> due = due(PushFilter.ALL, 10);

        assertThat(due).containsExactly(stored);
        PushCandidate candidate = due.getFirst();
        assertThat(candidate.name()).isEqualTo("Contoso – M365 rollout r-01");
        assertThat(candidate.companyName()).isEqualTo("Contoso Ltd");
        assertThat(candidate.domain()).contains(new Domain("contoso.com.tr"));
        assertThat(candidate.country()).isEqualTo("TR");
        assertThat(candidate.dealValue()).isEqualTo(new DealValue(new BigDecimal("30000.00"), "EUR"));
        assertThat(candidate.notes()).isEqualTo("Wants a pilot in Q3.\nCall after 10:00.");
        // the first member that names anybody: an empty one is no contact
        assertThat(candidate.contact()).hasValueSatisfying(contact -> {
            assertThat(contact.firstName()).isEqualTo("Ana");
            assertThat(contact.lastName()).isEqualTo("Example");
            assertThat(contact.email()).isEqualTo("ana@contoso.com.tr");
            assertThat(contact.phoneNumber()).isEqualTo("+90 212 555 0000");
        });
        assertThat(candidate.category()).isEqualTo(ReferralCategory.CO_SELL);
        assertThat(candidate.status()).isEqualTo("New");
        assertThat(candidate.substatus()).isEqualTo("Received");
        assertThat(candidate.state()).isEmpty();
    }

    @Test
    void aReferralWithoutContactOrNotesOrDealValueReadsAsAbsent() {
        PushCandidate stored = storeAsTheSyncWould(record(aReferral("r-01")
                .dealValue(null)
                .customer(new CustomerProfile("Contoso Ltd", null, null, List.of(), List.of()))));

        assertThat(stored.contact()).isEmpty();
        assertThat(stored.notes()).isNull();
        assertThat(stored.dealValue()).isNull();
        assertThat(stored.domain()).isEmpty();
        assertThat(stored.country()).isNull();
        assertThat(due(PushFilter.ALL, 10)).containsExactly(stored);
    }

    @Test
    void aPushedReferralIsNotDueUntilTheSyncChangesIt() {
        PushCandidate first = storeAsTheSyncWould(record(aReferral("r-01")));
        store.recordPushed(first, "lead-1", LEAD_A, VERSION, AT);

        assertThat(due(PushFilter.ALL, 10)).isEmpty();
        assertThat(store.find(first.referralId()).orElseThrow().state())
                .contains(new PushState(
                        PushStatus.PUSHED,
                        Optional.of("lead-1"),
                        LEAD_A,
                        VERSION,
                        Optional.of(AT),
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        AT,
                        Optional.empty()));

        PushCandidate changed =
                storeAsTheSyncWould(record(aReferral("r-01").status("Active").substatus("Accepted")));

        assertThat(changed.storedHash()).isNotEqualTo(first.storedHash());
        assertThat(due(PushFilter.ALL, 10)).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo("Active");
            assertThat(c.state()).map(PushState::leadId).contains(Optional.of("lead-1"));
        });
    }

    @Test
    void forgettingEveryStateMakesEveryReferralDueAndKeepsTheReferrals() {
        PushCandidate first = storeAsTheSyncWould(record(aReferral("r-01")));
        PushCandidate second = storeAsTheSyncWould(record(aReferral("r-02")));
        store.recordPushed(first, "lead-1", LEAD_A, VERSION, AT);
        store.recordFailed(second, LEAD_A, VERSION, "invalid_value", "no", AT);

        store.forgetAll();

        assertThat(due(PushFilter.ALL, 10))
                .extracting(c -> c.referralId().value())
                .containsExactly("r-01", "r-02");
        assertThat(store.find(first.referralId()).orElseThrow().state()).isEmpty();
    }

    @Test
    void aReferralTheSyncChangedWhileItWasPushedIsDueAgain() {
        PushCandidate read = storeAsTheSyncWould(record(aReferral("r-01")));
        storeAsTheSyncWould(record(aReferral("r-01").status("Closed").substatus("Won")));

        store.recordPushed(read, "lead-1", LEAD_A, VERSION, AT);

        assertThat(due(PushFilter.ALL, 10)).extracting(PushCandidate::status).containsExactly("Closed");
    }

    @Test
    void aFailedReferralStaysDue() {
        PushCandidate stored = storeAsTheSyncWould(record(aReferral("r-01")));
        store.recordFailed(stored, LEAD_A, VERSION, "duplicate_detected", "A duplicate rule refused it", AT);

        assertThat(due(PushFilter.ALL, 10))
                .singleElement()
                .satisfies(c -> assertThat(c.state())
                        .contains(new PushState(
                                PushStatus.FAILED,
                                Optional.empty(),
                                LEAD_A,
                                VERSION,
                                Optional.empty(),
                                1,
                                Optional.of("duplicate_detected"),
                                Optional.of("A duplicate rule refused it"),
                                AT,
                                Optional.empty())));
    }

    @Test
    void anotherMappingVersionMakesEveryPushedReferralDue() {
        PushCandidate stored = storeAsTheSyncWould(record(aReferral("r-01")));
        store.recordPushed(stored, "lead-1", LEAD_A, VERSION, AT);

        assertThat(store.due(PushFilter.ALL, VERSION + 1, Optional.empty(), 10))
                .extracting(PushCandidate::referralId)
                .containsExactly(stored.referralId());
        assertThat(due(PushFilter.ALL, 10)).isEmpty();
    }

    @Test
    void aCheckedReferralIsNotDueAndItsStateIsUnchanged() {
        PushCandidate first = storeAsTheSyncWould(record(aReferral("r-01")));
        store.recordPushed(first, "lead-1", LEAD_A, VERSION, AT);
        PushCandidate rewritten = storeAsTheSyncWould(record(aReferral("r-01").eTag("\"etag-2\"")));
        PushCandidate neverPushed = storeAsTheSyncWould(record(aReferral("r-02")));
        assertThat(due(PushFilter.ALL, 10)).hasSize(2);

        store.recordChecked(List.of(rewritten, neverPushed), LATER);

        assertThat(due(PushFilter.ALL, 10))
                .extracting(PushCandidate::referralId)
                .containsExactly(neverPushed.referralId());
        assertThat(store.find(first.referralId()).orElseThrow().state())
                .contains(new PushState(
                        PushStatus.PUSHED,
                        Optional.of("lead-1"),
                        LEAD_A,
                        VERSION,
                        Optional.of(AT),
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        AT,
                        Optional.empty()));
        assertThat(store.find(neverPushed.referralId()).orElseThrow().state()).isEmpty();

        storeAsTheSyncWould(record(aReferral("r-01").eTag("\"etag-3\"")));
        assertThat(due(PushFilter.ALL, 10)).hasSize(2);
    }

    @Test
    void dueReferralsComeInIdOrderAfterTheKeysetPosition() {
        List<PushCandidate> stored = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> storeAsTheSyncWould(record(aReferral("r-0" + i))))
                .toList();

        assertThat(ids(due(PushFilter.ALL, 3))).containsExactly("r-01", "r-02", "r-03");
        assertThat(ids(store.due(PushFilter.ALL, VERSION, Optional.of(ReferralId.of("r-03")), 3)))
                .containsExactly("r-04", "r-05", "r-06");
        assertThat(ids(store.due(PushFilter.ALL, VERSION, Optional.of(ReferralId.of("r-06")), 3)))
                .containsExactly("r-07");
        assertThat(store.due(PushFilter.ALL, VERSION, Optional.of(ReferralId.of("r-07")), 3))
                .isEmpty();

        // referrals that are not due do not count towards the limit
        store.recordPushed(stored.get(1), "lead-2", LEAD_A, VERSION, AT);
        store.recordPushed(stored.get(2), "lead-3", LEAD_A, VERSION, AT);
        assertThat(ids(due(PushFilter.ALL, 3))).containsExactly("r-01", "r-04", "r-05");
    }

    @Test
    void theFilterSelectsByTypeIncludingUnclassifiedAndByStatusIgnoringCase() {
        storeAsTheSyncWould(record(aReferral("r-01"))); // co-sell, New
        storeAsTheSyncWould(record(aReferral("r-02")
                .type("Independent")
                .qualification("Direct")
                .referralSource("AppSource")
                .callToAction("ContactMe")
                .status("Active"))); // marketplace
        storeAsTheSyncWould(record(aReferral("r-03").type("Experimental").status("Closed"))); // no rule: unclassified
        storeAsTheSyncWould(record(aReferral("r-04").status((String) null)));

        assertThat(ids(due(
                        new PushFilter(Set.of(ReferralCategory.MARKETPLACE, ReferralCategory.UNKNOWN), Set.of()), 10)))
                .containsExactly("r-02", "r-03");
        assertThat(ids(due(new PushFilter(Set.of(ReferralCategory.UNKNOWN), Set.of()), 10)))
                .containsExactly("r-03");
        assertThat(ids(due(new PushFilter(Set.of(ReferralCategory.CO_SELL), Set.of()), 10)))
                .containsExactly("r-01", "r-04");
        assertThat(ids(due(new PushFilter(Set.of(), Set.of("new", "ACTIVE")), 10)))
                .containsExactly("r-01", "r-02");
        assertThat(ids(due(new PushFilter(Set.of(ReferralCategory.CO_SELL), Set.of("nEw")), 10)))
                .containsExactly("r-01");
        assertThat(ids(due(PushFilter.ALL, 10))).containsExactly("r-01", "r-02", "r-03", "r-04");
    }

    @Test
    void failuresCountAttemptsOfTheSameLeadValuesAndKeepTheLeadOfAnEarlierSuccess() {
        PushCandidate stored = storeAsTheSyncWould(record(aReferral("r-01")));
        store.recordPushed(stored, "lead-1", LEAD_A, VERSION, AT);

        store.recordFailed(stored, LEAD_A, VERSION, "throttled", "Try later", LATER);
        assertThat(state(stored)).satisfies(s -> {
            assertThat(s.status()).isEqualTo(PushStatus.FAILED);
            assertThat(s.attempts()).isEqualTo(1);
            assertThat(s.leadId()).contains("lead-1");
            assertThat(s.pushedAt()).contains(AT);
            assertThat(s.lastErrorCode()).contains("throttled");
            assertThat(s.updatedAt()).isEqualTo(LATER);
        });
        store.recordFailed(stored, LEAD_A, VERSION, "refused", "Refused (request id req-2)", LATER);
        assertThat(state(stored).attempts()).isEqualTo(2);
        assertThat(state(stored).lastError()).contains("Refused (request id req-2)");

        store.recordFailed(stored, LEAD_B, VERSION, "refused", "Refused again", LATER);
        assertThat(state(stored).attempts()).isEqualTo(1);
        assertThat(state(stored).hash()).isEqualTo(LEAD_B);
        assertThat(state(stored).leadId()).contains("lead-1");

        store.recordPushed(stored, "lead-1", LEAD_B, VERSION, LATER);
        assertThat(state(stored))
                .isEqualTo(new PushState(
                        PushStatus.PUSHED,
                        Optional.of("lead-1"),
                        LEAD_B,
                        VERSION,
                        Optional.of(LATER),
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        LATER,
                        Optional.empty()));
    }

    @Test
    void findReadsAStoredReferralDueOrNot() {
        PushCandidate pushed = storeAsTheSyncWould(record(aReferral("r-01")));
        PushCandidate never = storeAsTheSyncWould(record(aReferral("r-02")));
        store.recordPushed(pushed, "lead-1", LEAD_A, VERSION, AT);

        assertThat(store.find(ReferralId.of("nope"))).isEmpty();
        assertThat(store.find(never.referralId())).contains(never);
        assertThat(store.find(pushed.referralId())).hasValueSatisfying(c -> {
            assertThat(c.storedHash()).isEqualTo(pushed.storedHash());
            assertThat(c.state()).map(PushState::leadId).contains(Optional.of("lead-1"));
        });
    }

    /** A record as the sync builds it: pc-v1 classification, the domain, the hash; no company link (not read). */
    protected static ReferralRecord record(Referral.Builder referral) {
        Referral built = referral.build();
        var classification = new ClassificationRulePcV1().classify(built);
        DomainExtraction domain = new CompanyDomainExtractor().extract(built);
        return new ReferralRecord(
                built, classification, domain, Optional.empty(), ContentHash.of(built, classification, domain));
    }

    /** Notes, and a team whose first member names nobody: the contact is the second. */
    private static Referral.Builder withContacts(Referral.Builder referral) {
        return referral.notes("Wants a pilot in Q3.\nCall after 10:00.")
                .customer(new CustomerProfile(
                        "Contoso Ltd",
                        "TR",
                        "51to250employees",
                        List.of("ana@contoso.com.tr", "can@contoso.com.tr"),
                        List.of(),
                        List.of(
                                new CustomerContact(" ", null, null, null),
                                new CustomerContact("Ana", "Example", "ana@contoso.com.tr", "+90 212 555 0000"),
                                new CustomerContact("Can", "Other", "can@contoso.com.tr", null))));
    }

    private List<PushCandidate> due(PushFilter filter, int limit) {
        return store.due(filter, VERSION, Optional.empty(), limit);
    }

    private PushState state(PushCandidate candidate) {
        return store.find(candidate.referralId()).orElseThrow().state().orElseThrow();
    }

    private static List<String> ids(List<PushCandidate> candidates) {
        return candidates.stream().map(c -> c.referralId().value()).toList();
    }
}
