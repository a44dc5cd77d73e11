package io.hunterreferrals.core.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.referral.Referral;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassificationRulePcV1Test {

    private final ClassificationRule rule = new ClassificationRulePcV1();

    @ParameterizedTest(name = "type={0} qualification={1} invitedBy={2} source={3} cta={4} -> {5} by rule {6}")
    @CsvSource(nullValues = "null", textBlock = """
            # rule 1: type is neither Independent nor Shared
            null,        Direct,             msft,    null,      null,      UNKNOWN,           1
            Collab,      SalesQualified,     msft,    null,      null,      UNKNOWN,           1
            '',          Direct,             null,    null,      null,      UNKNOWN,           1
            # rule 2: Shared is co-sell, whatever else
            Shared,      SalesQualified,     msft,    null,      null,      CO_SELL,           2
            Shared,      None,               null,    null,      null,      CO_SELL,           2
            shared,      Direct,             msft,    AppSource, ContactMe, CO_SELL,           2
            # rule 3: invited by another organisation
            Independent, SalesQualified,     a1b2c3,  null,      null,      CO_SELL,           3
            Independent, None,               ' Partner-Org ', null, null,   CO_SELL,           3
            Independent, Direct,             a1b2c3,  AppSource, null,      CO_SELL,           3
            # rule 4: Direct from Microsoft or nobody, with a marketplace signal
            Independent, Direct,             msft,    AppSource, null,      MARKETPLACE,       4
            Independent, Direct,             null,    null,      ContactMe, MARKETPLACE,       4
            Independent, Direct,             ' MSFT ', Azure,    ContactMe, MARKETPLACE,       4
            # rule 5: Direct from Microsoft or nobody, no signal
            Independent, Direct,             msft,    null,      null,      SOLUTION_PROVIDER, 5
            Independent, Direct,             null,    '  ',      '',        SOLUTION_PROVIDER, 5
            # rule 6: qualified by Microsoft
            Independent, SalesQualified,     msft,    null,      null,      SOLUTION_PROVIDER, 6
            Independent, MarketingQualified, MSFT,    null,      null,      SOLUTION_PROVIDER, 6
            # rule 7: anything else
            Independent, SalesQualified,     null,    null,      null,      UNKNOWN,           7
            Independent, None,               msft,    null,      null,      UNKNOWN,           7
            Independent, null,               null,    null,      null,      UNKNOWN,           7
            Independent, FutureValue,        msft,    null,      null,      UNKNOWN,           7
            """)
    void evaluatesTheRulesTopToBottom(
            String type,
            String qualification,
            String invitedBy,
            String source,
            String callToAction,
            ReferralCategory category,
            int ruleNumber) {
        Classification result = rule.classify(referral(type, qualification, invitedBy, source, callToAction));

        assertThat(result.category()).isEqualTo(category);
        assertThat(result.rule()).isEqualTo(ruleNumber);
        assertThat(result.ruleId()).isEqualTo("pc-v1/" + ruleNumber);
    }

    /** The three rows of Microsoft's table in the Referrals API introduction. */
    @ParameterizedTest(name = "Microsoft row: {0} {1} {2} = {3}")
    @CsvSource(nullValues = "null", textBlock = """
            Independent, Direct,             msft,        SOLUTION_PROVIDER
            Independent, Direct,             null,        SOLUTION_PROVIDER
            Independent, SalesQualified,     msft,        SOLUTION_PROVIDER
            Independent, MarketingQualified, msft,        SOLUTION_PROVIDER
            Independent, SalesQualified,     own-org-id,  CO_SELL
            Independent, None,               partner-id,  CO_SELL
            Shared,      SalesQualified,     own-org-id,  CO_SELL
            Shared,      None,               partner-id,  CO_SELL
            """)
    void followsMicrosoftsTable(String type, String qualification, String invitedBy, ReferralCategory category) {
        assertThat(rule.classify(referral(type, qualification, invitedBy, null, null))
                        .category())
                .isEqualTo(category);
    }

    @org.junit.jupiter.api.Test
    void marksQualifiedLeadsSoTheFoldingCanBeUndone() {
        Classification qualified = rule.classify(referral("Independent", "SalesQualified", "msft", null, null));
        Classification direct = rule.classify(referral("Independent", "Direct", "msft", null, null));

        assertThat(qualified.subCategory()).contains("qualified-lead");
        assertThat(direct.subCategory()).isEqualTo(Optional.empty());
        assertThat(rule.version()).isEqualTo("pc-v1");
    }

    @org.junit.jupiter.api.Test
    void categoryCodesAreTheStoredValues() {
        assertThat(ReferralCategory.CO_SELL.code()).contains("co-sell");
        assertThat(ReferralCategory.SOLUTION_PROVIDER.code()).contains("solution-provider");
        assertThat(ReferralCategory.UNKNOWN.code()).isEmpty();
        assertThat(ReferralCategory.fromCode("marketplace")).isEqualTo(ReferralCategory.MARKETPLACE);
        assertThat(ReferralCategory.fromCode(null)).isEqualTo(ReferralCategory.UNKNOWN);
    }

    private static Referral referral(
            String type, String qualification, String invitedBy, String source, String callToAction) {
        return Referral.builder("r-1")
                .type(type)
                .qualification(qualification)
                .invitedByOrganizationId(invitedBy)
                .referralSource(source)
                .callToAction(callToAction)
                .build();
    }
}
