package io.hunterreferrals.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.referral.Referral;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralFilterTest {

    @Test
    void defaultsToNewAndActiveIncomingReferrals() {
        ReferralFilter filter = ReferralFilter.DEFAULT;

        assertThat(filter.evaluate(referral("Incoming", "New", "Pending"))).isEqualTo(FilterDecision.ACCEPT);
        assertThat(filter.evaluate(referral("incoming", "ACTIVE", "Accepted"))).isEqualTo(FilterDecision.ACCEPT);
        assertThat(filter.evaluate(referral("Outgoing", "New", "Pending")))
                .isEqualTo(new FilterDecision.Skip(FilterRule.DIRECTION));
        assertThat(filter.evaluate(referral("Incoming", "Closed", "Won")))
                .isEqualTo(new FilterDecision.Skip(FilterRule.STATUS));
        assertThat(filter.evaluate(referral(null, "New", "Pending")))
                .isEqualTo(new FilterDecision.Skip(FilterRule.DIRECTION));
    }

    @Test
    void excludesConfiguredSubstatuses() {
        ReferralFilter filter = new ReferralFilter(List.of("Incoming"), List.of(), List.of("Declined", " Expired "));

        assertThat(filter.evaluate(referral("Incoming", "Closed", "Declined")))
                .isEqualTo(new FilterDecision.Skip(FilterRule.SUBSTATUS));
        assertThat(filter.evaluate(referral("Incoming", "Closed", "expired")))
                .isEqualTo(new FilterDecision.Skip(FilterRule.SUBSTATUS));
        assertThat(filter.evaluate(referral("Incoming", "Closed", "Won"))).isEqualTo(FilterDecision.ACCEPT);
    }

    @Test
    void anEmptyListAcceptsAnything() {
        ReferralFilter any = new ReferralFilter(List.of(), List.of(), List.of());

        assertThat(any.evaluate(referral("Outgoing", "Closed", "Lost"))).isEqualTo(FilterDecision.ACCEPT);
        assertThat(any.evaluate(Referral.builder("r-1").build())).isEqualTo(FilterDecision.ACCEPT);
    }

    @Test
    void acceptsValuesThisVersionDoesNotKnow() {
        ReferralFilter filter = new ReferralFilter(List.of("Incoming"), List.of("Paused"), List.of());

        assertThat(filter.evaluate(referral("Incoming", "Paused", null))).isEqualTo(FilterDecision.ACCEPT);
    }

    @Test
    void onlyTheDirectionIsPushedToTheServer() {
        assertThat(ReferralFilter.DEFAULT.directions()).containsExactly("Incoming");
    }

    @Test
    void cleansAndValidatesConfiguredValues() {
        assertThat(new ReferralFilter(List.of(" Incoming ", "", "Incoming"), List.of(), List.of()).directions())
                .containsExactly("Incoming");
        assertThatThrownBy(() -> new ReferralFilter(List.of("Incoming' or 1 eq 1"), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quote");
    }

    private static Referral referral(String direction, String status, String substatus) {
        return Referral.builder("r-1")
                .direction(direction)
                .status(status)
                .substatus(substatus)
                .build();
    }
}
