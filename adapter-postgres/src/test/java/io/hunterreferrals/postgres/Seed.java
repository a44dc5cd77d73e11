package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.COMPANIES;
import static io.hunterreferrals.postgres.jooq.Tables.PARTNER_CENTER_REFERRALS;

import io.hunterreferrals.postgres.jooq.tables.records.PartnerCenterReferralsRecord;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Test rows written with the generated jOOQ classes. */
final class Seed {
    private Seed() {}

    static DSLContext dsl(DataSource ds) {
        return DSL.using(ds, SQLDialect.POSTGRES);
    }

    static long company(DSLContext dsl, String domain, String name) {
        return dsl.insertInto(COMPANIES)
                .set(COMPANIES.DOMAIN, domain)
                .set(COMPANIES.NAME, name)
                .set(COMPANIES.COUNTRY, "TR")
                .set(COMPANIES.SOURCE, "partner_center")
                .returning(COMPANIES.ID)
                .fetchOne(COMPANIES.ID);
    }

    static PartnerCenterReferralsRecord referral(
            String id, String companyName, String domain, String referralType, OffsetDateTime syncedAt) {
        PartnerCenterReferralsRecord r = new PartnerCenterReferralsRecord();
        r.setReferralId(id);
        r.setEngagementId("eng-" + id);
        r.setName("Lead for " + companyName);
        r.setType("Independent");
        r.setQualification("SalesQualified");
        r.setDirection("Incoming");
        r.setStatus("Active");
        r.setSubstatus("Accepted");
        r.setReferralType(referralType);
        r.setClassificationRule(referralType == null ? null : "pc-v1/3");
        r.setClassificationSubCategory(referralType == null ? null : "qualified-lead");
        r.setCompanyName(companyName);
        r.setCustomerName(companyName);
        r.setCustomerCountry("TR");
        r.setCustomerSize("10to50employees");
        r.setDomain(domain);
        r.setRawDomain(domain == null ? null : "www." + domain);
        r.setDomainSource(domain == null ? null : "customer_team_email");
        r.setDealValue(new BigDecimal("12500.50"));
        r.setCurrency("USD");
        r.setPcCreatedAt(syncedAt.minusDays(3));
        r.setPcUpdatedAt(syncedAt.minusHours(1));
        r.setRawData(
                JSONB.valueOf("{\"id\": \"" + id + "\", \"customerProfile\": {\"name\": \"" + companyName + "\"}}"));
        r.setContentHash("sha256:" + id);
        r.setFirstSeenAt(syncedAt);
        r.setSyncedAt(syncedAt);
        r.setChangedAt(syncedAt);
        return r;
    }

    static void insert(DSLContext dsl, PartnerCenterReferralsRecord r) {
        dsl.insertInto(PARTNER_CENTER_REFERRALS).set(r).execute();
    }
}
