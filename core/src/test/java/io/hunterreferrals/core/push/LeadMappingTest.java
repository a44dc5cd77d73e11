package io.hunterreferrals.core.push;

import static io.hunterreferrals.core.testing.PushCandidates.aCandidate;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.testing.InMemoryLeadDestination;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadMappingTest {

    private final LeadMapping mapping = new LeadMapping(InMemoryLeadDestination.DATAVERSE_LIMITS);

    @Test
    void mapsEveryValueOfTheReferral() {
        LeadDraft draft = mapping.draft(aCandidate("r-1", 1));

        assertThat(draft.subject()).isEqualTo("Dynamics rollout r-1");
        assertThat(draft.companyName()).isEqualTo("Contoso Ltd");
        assertThat(draft.website()).isEqualTo("https://contoso.com");
        assertThat(draft.country()).isEqualTo("DE");
        assertThat(draft.budget()).isEqualByComparingTo(new BigDecimal("25000"));
        assertThat(draft.currency()).isEqualTo("EUR");
        assertThat(draft.description()).isEqualTo("Wants a pilot in Q3 (v1)");
        assertThat(draft.contactFirstName()).isEqualTo("Ana");
        assertThat(draft.contactLastName()).isEqualTo("Example");
        assertThat(draft.contactEmail()).isEqualTo("ana@contoso.com");
        assertThat(draft.contactPhone()).isEqualTo("+49 30 1234");
        assertThat(draft.referralType()).isEqualTo(ReferralCategory.CO_SELL);
        assertThat(draft.status()).isEqualTo("Active");
        assertThat(draft.substatus()).isEqualTo("Accepted");
        assertThat(draft.partnerCenterUrl()).isEqualTo("https://partner.microsoft.com/dashboard/referrals/r-1");
        assertThat(draft.toString()).doesNotContain("Ana", "contoso.com", "pilot");
    }

    @Test
    void aLeadAlwaysHasATopic() {
        PushCandidate c = aCandidate("r-1", 1);
        PushCandidate unnamed = new PushCandidate(
                c.referralId(),
                c.storedHash(),
                " ",
                c.companyName(),
                c.domain(),
                c.country(),
                null,
                null,
                Optional.empty(),
                ReferralCategory.UNKNOWN,
                null,
                null,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        PushCandidate bare = new PushCandidate(
                c.referralId(),
                c.storedHash(),
                null,
                null,
                Optional.empty(),
                null,
                null,
                null,
                Optional.empty(),
                ReferralCategory.UNKNOWN,
                null,
                null,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        assertThat(mapping.draft(unnamed).subject()).isEqualTo("Contoso Ltd (Partner Center referral)");
        LeadDraft draft = mapping.draft(bare);
        assertThat(draft.subject()).isEqualTo("Partner Center referral r-1");
        assertThat(draft.website()).isNull();
        assertThat(draft.budget()).isNull();
        assertThat(draft.contactEmail()).isNull();
    }

    @Test
    void textLongerThanItsColumnIsCutWithAMarkerAndAnEmailIsLeftOutInstead() {
        assertThat(LeadMapping.cut("a".repeat(2500), 2000)).hasSize(2000).endsWith(" […]");
        assertThat(LeadMapping.cut("exactly", 7)).isEqualTo("exactly");
        assertThat(LeadMapping.cut("  ", 10)).isNull();
        // a cut never splits a surrogate pair (an emoji stays whole or goes)
        String emojis = "😀".repeat(10);
        String cut = LeadMapping.cut(emojis, 12);
        assertThat(cut).endsWith(" […]");
        assertThat(cut.codePoints().filter(Character::isSupplementaryCodePoint).count() * 2 + 4)
                .isEqualTo(cut.length());

        PushCandidate c = aCandidate("r-1", 1);
        String longMail = "a".repeat(95) + "@contoso.com";
        PushCandidate withLongMail = new PushCandidate(
                c.referralId(),
                c.storedHash(),
                c.name(),
                c.companyName(),
                c.domain(),
                c.country(),
                c.dealValue(),
                c.notes(),
                Optional.of(new io.hunterreferrals.core.referral.CustomerContact("A", "B", longMail, null)),
                c.category(),
                c.status(),
                c.substatus(),
                c.eTag(),
                c.externalReferenceId(),
                Optional.empty());
        assertThat(mapping.draft(withLongMail).contactEmail()).isNull();
    }

    @Test
    void theLinkToPartnerCenterEncodesTheId() {
        assertThat(LeadMapping.partnerCenterUrl(ReferralId.of("a b/c?d")))
                .isEqualTo("https://partner.microsoft.com/dashboard/referrals/a%20b%2Fc%3Fd");
    }

    @Test
    void theHashChangesWithEveryValueAndOnlyWithThem() {
        LeadDraft draft = mapping.draft(aCandidate("r-1", 1));

        assertThat(mapping.draft(aCandidate("r-1", 1)).hash()).isEqualTo(draft.hash());
        assertThat(mapping.draft(aCandidate("r-1", 2)).hash()).isNotEqualTo(draft.hash());
        assertThat(mapping.draft(io.hunterreferrals.core.testing.PushCandidates.withStatus(
                                aCandidate("r-1", 1), "Closed", "Won"))
                        .hash())
                .isNotEqualTo(draft.hash());
    }
}
