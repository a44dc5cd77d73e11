package io.hunterreferrals.dynamics;

import io.hunterreferrals.core.push.LeadLimits;
import java.util.List;

/**
 * Dataverse's names for what a lead holds (ADR 0012's table): the standard lead columns, and the custom ones under the
 * publisher prefix that {@code hunter dynamics setup} creates. Every column name the adapter writes comes from here;
 * none comes from Partner Center.
 */
final class LeadColumns {

    /** The kinds of custom column the setup creates. */
    enum Kind {
        STRING,
        BOOLEAN
    }

    /**
     * One custom column: what the setup creates and the check compares.
     *
     * @param maxLength for {@link Kind#STRING}; 0 otherwise
     */
    record Custom(String logicalName, String schemaName, Kind kind, int maxLength, String displayName, String about) {}

    static final String ENTITY_SET = "leads";
    static final String LEAD_ID = "leadid";
    static final String SUBJECT = "subject";
    static final String COMPANY = "companyname";
    static final String WEBSITE = "websiteurl";
    static final String COUNTRY = "address1_country";
    static final String BUDGET = "budgetamount";
    /** The currency navigation property; that it is named exactly so is UNCONFIRMED (dataverse.md §4). */
    static final String CURRENCY_BIND = "transactioncurrencyid@odata.bind";

    static final String DESCRIPTION = "description";
    static final String LEAD_SOURCE = "leadsourcecode";
    /** leadsourcecode 4 = Partner (lead.md, dataverse.md §4). */
    static final int LEAD_SOURCE_PARTNER = 4;

    static final String FIRST_NAME = "firstname";
    static final String LAST_NAME = "lastname";
    static final String EMAIL = "emailaddress1";
    static final String PHONE = "telephone1";

    /** The lengths of ADR 0012 (lead.md v9.0; an organisation may differ, which the setup check reports). */
    static final LeadLimits LIMITS = new LeadLimits(300, 100, 200, 80, 2000, 50, 50, 100, 50);

    /** budgetamount's range (lead.md: 0 to 1,000,000,000,000). */
    static final java.math.BigDecimal MONEY_MAX = new java.math.BigDecimal("1000000000000");

    /**
     * Referral ids are GUIDs (36 characters) in practice; 100 leaves room and matches the simulator's pre-made column.
     * A longer id (core allows 255) is refused for its lead alone, as {@code invalid_value}.
     */
    private static final int KEY_LENGTH = 100;
    /** Referral types and Partner Center statuses are single words; room to spare for new ones. */
    private static final int LABEL_LENGTH = 100;
    /** The Partner Center link: about 90 characters for a GUID id; room for a percent-encoded long id. */
    static final int URL_LENGTH = 1000;

    private final String prefix;

    LeadColumns(String prefix) {
        this.prefix = prefix;
    }

    /** The alternate key column: {@code <prefix>_partnercenterreferralid}. */
    String keyColumn() {
        return prefix + "_partnercenterreferralid";
    }

    String isReferral() {
        return prefix + "_ispartnercenterreferral";
    }

    String referralType() {
        return prefix + "_referraltype";
    }

    String referralStatus() {
        return prefix + "_referralstatus";
    }

    String referralSubstatus() {
        return prefix + "_referralsubstatus";
    }

    String partnerCenterUrl() {
        return prefix + "_partnercenterurl";
    }

    /** The alternate key's SchemaName; its logical name is the lower-cased form. */
    String keySchemaName() {
        return prefix + "_PartnerCenterReferralIdKey";
    }

    /** Every custom column the push writes, the key column first (the key needs it). */
    List<Custom> custom() {
        return List.of(
                string(
                        keyColumn(),
                        "PartnerCenterReferralId",
                        KEY_LENGTH,
                        "Partner Center referral ID",
                        "The Partner Center referral this lead was made from; the lead's alternate key."),
                new Custom(
                        isReferral(),
                        prefix + "_IsPartnerCenterReferral",
                        Kind.BOOLEAN,
                        0,
                        "Is Partner Center referral",
                        "Yes when Hunter Referrals made this lead from a Partner Center referral."),
                string(
                        referralType(),
                        "ReferralType",
                        LABEL_LENGTH,
                        "Referral type",
                        "co-sell, marketplace, solution-provider or unclassified."),
                string(
                        referralStatus(),
                        "ReferralStatus",
                        LABEL_LENGTH,
                        "Referral status",
                        "The referral's status in Partner Center (New, Active, Closed)."),
                string(
                        referralSubstatus(),
                        "ReferralSubstatus",
                        LABEL_LENGTH,
                        "Referral substatus",
                        "The referral's substatus in Partner Center (Pending, Accepted, Won, ...)."),
                string(
                        partnerCenterUrl(),
                        "PartnerCenterUrl",
                        URL_LENGTH,
                        "Partner Center link",
                        "Opens the referral in Partner Center."));
    }

    private Custom string(String logicalName, String schemaSuffix, int maxLength, String name, String about) {
        return new Custom(logicalName, prefix + "_" + schemaSuffix, Kind.STRING, maxLength, name, about);
    }
}
