package io.hunterreferrals.simulator;

import java.util.List;

/**
 * One combination of the fields Microsoft's classification reads (type, qualification, invitedBy organisation,
 * referralSource, callToAction), with the category partner-center-api.md §3.3 assigns to it. The generator emits every
 * case, so the product's classifier meets each rule.
 *
 * @param type {@link #ABSENT} to leave the key out, null for a JSON null
 * @param qualification same convention as type
 */
record ClassificationCase(
        String type,
        String qualification,
        Invite invite,
        String referralSource,
        String callToAction,
        String expectedCategory) {

    static final String ABSENT = "<absent>";

    /** How inviteContext.invitedBy looks. */
    enum Invite {
        MSFT,
        MSFT_UNTRIMMED,
        OWN_ORG,
        OTHER_PARTNER,
        NULL_ORG,
        BLANK_ORG,
        NO_INVITE_CONTEXT
    }

    static final List<ClassificationCase> ALL = List.of(
            new ClassificationCase("Shared", "SalesQualified", Invite.MSFT, null, null, "co-sell"),
            new ClassificationCase("Shared", "None", Invite.OTHER_PARTNER, null, null, "co-sell"),
            new ClassificationCase("Independent", "SalesQualified", Invite.OTHER_PARTNER, null, null, "co-sell"),
            new ClassificationCase("Independent", "None", Invite.OWN_ORG, null, null, "co-sell"),
            new ClassificationCase(
                    "Independent", "Direct", Invite.MSFT, "AzureMarketplace", "ContactMe", "marketplace"),
            new ClassificationCase("Independent", "Direct", Invite.NULL_ORG, "AppSource", null, "marketplace"),
            new ClassificationCase("Independent", "Direct", Invite.MSFT, null, "FreeTrial", "marketplace"),
            new ClassificationCase("Independent", "Direct", Invite.MSFT, null, null, "solution-provider"),
            new ClassificationCase("Independent", "Direct", Invite.NO_INVITE_CONTEXT, "", "", "solution-provider"),
            new ClassificationCase("Independent", "Direct", Invite.BLANK_ORG, null, null, "solution-provider"),
            new ClassificationCase("Independent", "Direct", Invite.MSFT_UNTRIMMED, null, null, "solution-provider"),
            new ClassificationCase("Independent", "SalesQualified", Invite.MSFT, null, null, "solution-provider"),
            new ClassificationCase("Independent", "MarketingQualified", Invite.MSFT, null, null, "solution-provider"),
            new ClassificationCase("Independent", "MarketingQualified", Invite.NULL_ORG, null, null, "unknown"),
            new ClassificationCase("Independent", "None", Invite.MSFT, null, null, "unknown"),
            new ClassificationCase(ABSENT, "SalesQualified", Invite.MSFT, null, null, "unknown"),
            new ClassificationCase("Collaborative", "Direct", Invite.MSFT, null, null, "unknown"),
            new ClassificationCase("", "Direct", Invite.MSFT, null, null, "unknown"),
            new ClassificationCase(null, "Direct", Invite.MSFT, null, null, "unknown"),
            new ClassificationCase("Independent", ABSENT, Invite.MSFT, null, null, "unknown"));

    /** The cases real tenants mostly see; used after every case has appeared once. */
    static final List<ClassificationCase> COMMON = List.of(
            ALL.get(0),
            ALL.get(1),
            ALL.get(2),
            ALL.get(3),
            ALL.get(7),
            ALL.get(11),
            ALL.get(12),
            ALL.get(0),
            ALL.get(7));
}
