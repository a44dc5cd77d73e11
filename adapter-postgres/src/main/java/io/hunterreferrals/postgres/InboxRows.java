package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.ReferralColumns.PCR;
import static io.hunterreferrals.postgres.jooq.Tables.COMPANIES;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainSource;
import io.hunterreferrals.core.query.InboxSort;
import io.hunterreferrals.core.query.ReferralSummary;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.ReferralId;
import java.util.List;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;

/** The inbox's columns, orders and row mapping ({@code partner_center_referrals} left-joined to its linked company). */
final class InboxRows {

    static final List<Field<?>> SUMMARY = List.of(
            PCR.REFERRAL_ID,
            PCR.NAME,
            PCR.COMPANY_NAME,
            PCR.DOMAIN,
            PCR.RAW_DOMAIN,
            PCR.DOMAIN_SOURCE,
            PCR.REFERRAL_TYPE,
            PCR.CLASSIFICATION_RULE,
            PCR.STATUS,
            PCR.SUBSTATUS,
            PCR.DIRECTION,
            PCR.LINK_STATUS,
            PCR.LINKED_COMPANY_ID,
            COMPANIES.DOMAIN,
            COMPANIES.NAME,
            PCR.DEAL_VALUE,
            PCR.CURRENCY,
            PCR.CUSTOMER_COUNTRY,
            PCR.PC_CREATED_AT,
            PCR.PC_UPDATED_AT,
            PCR.SYNCED_AT,
            PCR.CHANGED_AT);

    private InboxRows() {}

    /**
     * The ORDER BY of a sort: its column, then referral_id so pages never overlap. Changed, updated and the filter
     * indexes ({@code pcr_*_idx}, V3 and V6) match it, nullable keys NULLS LAST as indexed; synced_at is deliberately
     * not indexed (V6).
     */
    static List<SortField<?>> orderBy(InboxSort sort) {
        SortField<?> first = switch (sort) {
            case SYNCED_DESC -> PCR.SYNCED_AT.desc();
            case CHANGED_DESC -> PCR.CHANGED_AT.desc();
            case UPDATED_DESC -> PCR.PC_UPDATED_AT.desc().nullsLast();
            case CREATED_DESC -> PCR.PC_CREATED_AT.desc().nullsLast();
            case COMPANY_ASC -> PCR.COMPANY_NAME.asc().nullsLast();
            case DEAL_VALUE_DESC -> PCR.DEAL_VALUE.desc().nullsLast();
        };
        return List.of(first, PCR.REFERRAL_ID.asc());
    }

    static ReferralSummary summary(Record r) {
        Long companyId = r.get(PCR.LINKED_COMPANY_ID);
        Optional<ReferralSummary.LinkedCompany> linked = companyId == null
                ? Optional.empty()
                : Optional.of(new ReferralSummary.LinkedCompany(
                        new CompanyId(companyId), new Domain(r.get(COMPANIES.DOMAIN)), r.get(COMPANIES.NAME)));
        return new ReferralSummary(
                ReferralId.of(r.get(PCR.REFERRAL_ID)),
                r.get(PCR.NAME),
                r.get(PCR.COMPANY_NAME),
                Optional.ofNullable(r.get(PCR.DOMAIN)).map(Domain::new),
                r.get(PCR.RAW_DOMAIN),
                Optional.ofNullable(r.get(PCR.DOMAIN_SOURCE)).map(DomainSource::fromCode),
                ReferralCategory.fromCode(r.get(PCR.REFERRAL_TYPE)),
                r.get(PCR.CLASSIFICATION_RULE),
                r.get(PCR.STATUS),
                r.get(PCR.SUBSTATUS),
                r.get(PCR.DIRECTION),
                LinkStatus.fromCode(r.get(PCR.LINK_STATUS)),
                linked,
                Optional.ofNullable(r.get(PCR.DEAL_VALUE)).map(amount -> new DealValue(amount, r.get(PCR.CURRENCY))),
                r.get(PCR.CUSTOMER_COUNTRY),
                Times.instant(r.get(PCR.PC_CREATED_AT)),
                Times.instant(r.get(PCR.PC_UPDATED_AT)),
                Times.instant(r.get(PCR.SYNCED_AT)),
                Times.instant(r.get(PCR.CHANGED_AT)));
    }
}
