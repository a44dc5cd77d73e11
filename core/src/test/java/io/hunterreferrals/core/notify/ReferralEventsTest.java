package io.hunterreferrals.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncErrorCode;
import io.hunterreferrals.core.testing.TestNotifications;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferralEventsTest {

    private static final ReferralFacts NEW = TestNotifications.facts("r-1", "Contoso");

    private static ReferralFacts with(String status, String substatus, DealValue deal) {
        return new ReferralFacts(NEW.id(), NEW.category(), status, substatus, deal, NEW.domain(), NEW.companyName());
    }

    @Test
    void aReferralSeenForTheFirstTimeIsCreated() {
        assertThat(ReferralEvents.forSyncWrite(Optional.empty(), NEW))
                .containsExactly(Event.aboutReferral(EventType.REFERRAL_CREATED, NEW, List.of()));
    }

    @Test
    void nothingPeopleActOnChangedMeansNoEvent() {
        // the database gives 12500.00 back for the API's 12500: the same deal
        ReferralFacts same = with("New", "Received", new DealValue(new BigDecimal("12500"), "EUR"));

        assertThat(ReferralEvents.forSyncWrite(Optional.of(NEW), same)).isEmpty();
    }

    @Test
    void aStatusChangeIsAnUpdateWithAllChangesAndAStatusChangeWithTheStatusOnes() {
        ReferralFacts after = with("Active", "Accepted", new DealValue(new BigDecimal("20000"), "EUR"));

        List<Event> events = ReferralEvents.forSyncWrite(Optional.of(NEW), after);

        assertThat(events)
                .extracting(Event::type)
                .containsExactly(EventType.REFERRAL_UPDATED, EventType.REFERRAL_STATUS_CHANGED);
        assertThat(events.get(0).changes())
                .containsExactly(
                        new FieldChange(ReferralFacts.STATUS, "New", "Active"),
                        new FieldChange(ReferralFacts.SUBSTATUS, "Received", "Accepted"),
                        new FieldChange(ReferralFacts.DEAL_VALUE, "12500.00 EUR", "20000 EUR"));
        assertThat(events.get(1).changes())
                .extracting(FieldChange::field)
                .containsExactly(ReferralFacts.STATUS, ReferralFacts.SUBSTATUS);
    }

    @Test
    void aDealChangeAloneIsAnUpdateOnly() {
        ReferralFacts after = with("New", "Received", null);

        assertThat(ReferralEvents.forSyncWrite(Optional.of(NEW), after))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo(EventType.REFERRAL_UPDATED);
                    assertThat(e.changes())
                            .containsExactly(new FieldChange(ReferralFacts.DEAL_VALUE, "12500.00 EUR", null));
                });
    }

    @Test
    void aFailedSyncCarriesItsCodeMessageAndRequestId() {
        Event event = ReferralEvents.forFailedSync(SyncError.of(SyncErrorCode.SIGN_IN_REQUIRED, "Sign in again"));

        assertThat(event.type()).isEqualTo(EventType.SYNC_FAILED);
        assertThat(event.problem().orElseThrow().code()).isEqualTo(SyncErrorCode.SIGN_IN_REQUIRED.code());
        assertThat(event.problem().orElseThrow().message()).isEqualTo("Sign in again");
        assertThat(event.referral()).isEmpty();
    }

    @Test
    void rulesPickEventTypesCategoriesAndStatuses() {
        Event coSell = Event.aboutReferral(EventType.REFERRAL_CREATED, NEW, List.of());
        Event marketplace = Event.aboutReferral(
                EventType.REFERRAL_CREATED,
                new ReferralFacts(NEW.id(), ReferralCategory.MARKETPLACE, "New", null, null, null, null),
                List.of());
        Event failed = ReferralEvents.forFailedSync(SyncError.of(SyncErrorCode.SIGN_IN_REQUIRED, "x"));

        assertThat(ChannelRule.DEFAULT.matches(coSell)).isTrue();
        assertThat(ChannelRule.DEFAULT.matches(marketplace)).isFalse();
        assertThat(ChannelRule.DEFAULT.matches(failed)).isTrue();
        assertThat(ChannelRule.DEFAULT.matches(Event.aboutReferral(EventType.REFERRAL_UPDATED, NEW, List.of())))
                .isFalse();
        ChannelRule activeOnly = new ChannelRule(
                java.util.Set.of(EventType.REFERRAL_CREATED), java.util.Set.of(), java.util.Set.of(" ACTIVE "));
        assertThat(activeOnly.matches(coSell)).isFalse();
        assertThat(activeOnly.matches(
                        Event.aboutReferral(EventType.REFERRAL_CREATED, with("Active", null, null), List.of())))
                .isTrue();
    }

    @Test
    void retriesDoubleUpToTheCeilingHonourRetryAfterAndStop() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        DeliveryFailure down = DeliveryFailure.of(DeliveryErrorCode.CONNECT, "refused");

        assertThat(policy.nextDelay(1, down)).contains(java.time.Duration.ofSeconds(10));
        assertThat(policy.nextDelay(2, down)).contains(java.time.Duration.ofSeconds(20));
        assertThat(policy.nextDelay(11, down)).contains(java.time.Duration.ofHours(1));
        assertThat(policy.nextDelay(12, down)).isEmpty();
        assertThat(policy.nextDelay(
                        1,
                        new DeliveryFailure(
                                DeliveryErrorCode.THROTTLED,
                                "429",
                                Optional.of(java.time.Duration.ofMinutes(5)),
                                Optional.empty())))
                .contains(java.time.Duration.ofMinutes(5));
        assertThat(policy.nextDelay(1, DeliveryFailure.of(DeliveryErrorCode.UNAUTHORIZED, "401")))
                .isPresent();
        assertThat(policy.nextDelay(1, DeliveryFailure.of(DeliveryErrorCode.MISCONFIGURED, "bad")))
                .isEmpty();
    }
}
