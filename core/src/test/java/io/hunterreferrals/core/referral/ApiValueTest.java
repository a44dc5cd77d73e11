package io.hunterreferrals.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiValueTest {

    @Test
    void recognisesValuesWhateverTheirCase() {
        assertThat(ApiValue.parse(Direction.class, " incoming "))
                .isEqualTo(new ApiValue<>(Direction.INCOMING, "incoming"));
        assertThat(ApiValue.parse(ReferralStatus.class, "Active").is(ReferralStatus.ACTIVE))
                .isTrue();
    }

    @Test
    void keepsUnknownValuesAsTextInsteadOfThrowing() {
        ApiValue<ReferralType> value = ApiValue.parse(ReferralType.class, "Collaborative");

        assertThat(value.value()).isEqualTo(ReferralType.UNKNOWN);
        assertThat(value.raw()).isEqualTo("Collaborative");
        assertThat(value.isPresent()).isTrue();
    }

    @Test
    void treatsBlankAsAbsent() {
        ApiValue<ReferralSubstatus> value = ApiValue.parse(ReferralSubstatus.class, "  ");

        assertThat(value.value()).isEqualTo(ReferralSubstatus.UNKNOWN);
        assertThat(value.raw()).isNull();
        assertThat(value.isPresent()).isFalse();
        assertThat(value).hasToString("");
    }

    @Test
    void aReferralWithoutOptionalFieldsIsStillComplete() {
        Referral referral = Referral.builder("r-1").build();

        assertThat(referral.type().value()).isEqualTo(ReferralType.UNKNOWN);
        assertThat(referral.customer()).isEqualTo(CustomerProfile.EMPTY);
        assertThat(referral.legacy()).isEqualTo(LegacyContact.NONE);
        assertThat(referral.raw()).isEqualTo(RawPayload.EMPTY_OBJECT);
    }

    @Test
    void neverPrintsPersonalData() {
        Referral referral = Referral.builder("r-1")
                .customer(new CustomerProfile(
                        "Ayşe Yılmaz Ltd", "TR", null, java.util.List.of("ayse@contoso.com.tr"), java.util.List.of()))
                .raw("{\"notes\":\"call Ayşe\"}")
                .build();

        assertThat(referral.toString()).contains("r-1").doesNotContain("ayse@").doesNotContain("Ayşe");
    }
}
