package io.hunterreferrals.core.classification;

import io.hunterreferrals.core.referral.Qualification;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralType;
import java.util.Locale;
import java.util.Optional;

/**
 * Classification rule {@code pc-v1} (docs/adr/0003): Microsoft's table from the Referrals API introduction, made
 * deterministic. Rules are evaluated top to bottom and the first match wins:
 *
 * <ol>
 *   <li>type is neither Independent nor Shared: unknown
 *   <li>Shared: co-sell
 *   <li>invited by an organisation other than Microsoft: co-sell
 *   <li>Direct, invited by Microsoft or nobody, with a referral source or call to action: marketplace
 *   <li>Direct, invited by Microsoft or nobody: solution-provider (Microsoft's "Marketplace Lead" row)
 *   <li>Sales- or MarketingQualified, invited by Microsoft: solution-provider, sub-category qualified-lead
 *   <li>otherwise: unknown
 * </ol>
 */
public final class ClassificationRulePcV1 implements ClassificationRule {

    public static final String VERSION = "pc-v1";
    static final String MICROSOFT = "msft";
    static final String QUALIFIED_LEAD = "qualified-lead";

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Classification classify(Referral referral) {
        String invitedBy = normalisedInviter(referral.invitedByOrganizationId());
        boolean invitedByMicrosoftOrNobody = invitedBy == null || MICROSOFT.equals(invitedBy);
        Qualification qualification = referral.qualification().value();

        if (!referral.type().is(ReferralType.INDEPENDENT) && !referral.type().is(ReferralType.SHARED)) {
            return result(ReferralCategory.UNKNOWN, 1);
        }
        if (referral.type().is(ReferralType.SHARED)) {
            return result(ReferralCategory.CO_SELL, 2);
        }
        if (!invitedByMicrosoftOrNobody) {
            return result(ReferralCategory.CO_SELL, 3);
        }
        if (qualification == Qualification.DIRECT) {
            boolean marketplaceSignal = notBlank(referral.referralSource()) || notBlank(referral.callToAction());
            return marketplaceSignal
                    ? result(ReferralCategory.MARKETPLACE, 4)
                    : result(ReferralCategory.SOLUTION_PROVIDER, 5);
        }
        boolean qualified =
                qualification == Qualification.SALES_QUALIFIED || qualification == Qualification.MARKETING_QUALIFIED;
        if (qualified && MICROSOFT.equals(invitedBy)) {
            return new Classification(ReferralCategory.SOLUTION_PROVIDER, VERSION, 6, Optional.of(QUALIFIED_LEAD));
        }
        return result(ReferralCategory.UNKNOWN, 7);
    }

    private static Classification result(ReferralCategory category, int rule) {
        return new Classification(category, VERSION, rule, Optional.empty());
    }

    private static String normalisedInviter(String organizationId) {
        return notBlank(organizationId) ? organizationId.strip().toLowerCase(Locale.ROOT) : null;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
