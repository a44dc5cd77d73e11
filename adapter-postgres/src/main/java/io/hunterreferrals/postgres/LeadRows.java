package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.ReferralColumns.PCR;
import static io.hunterreferrals.postgres.jooq.Tables.COMPANIES;
import static org.jooq.impl.DSL.arrayAggDistinct;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.trueCondition;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainParseResult;
import io.hunterreferrals.core.domainname.DomainParser;
import io.hunterreferrals.core.query.LeadLinkStatus;
import io.hunterreferrals.core.query.LeadQuery;
import io.hunterreferrals.core.query.LeadSort;
import io.hunterreferrals.core.query.LeadSummary;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.postgres.jooq.tables.PartnerCenterReferrals;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectLimitStep;
import org.jooq.SortField;
import org.jooq.Table;

/**
 * The lead listing's SQL: companies in the asked order, each with two LATERAL subqueries over the referrals linked to
 * it ({@code linked_company_id}, served by {@code pcr_linked_company_idx}): the aggregates, and the primary referral
 * (most recently changed, ties broken by referral id).
 */
final class LeadRows {

    private static final PartnerCenterReferrals AGG_R = PCR.as("agg_r");
    private static final PartnerCenterReferrals PRIMARY_R = PCR.as("primary_r");
    private static final PartnerCenterReferrals FILTER_R = PCR.as("filter_r");

    private static final Field<Integer> REFERRAL_COUNT = count().as("referral_count");
    private static final Field<String[]> TYPES =
            arrayAggDistinct(AGG_R.REFERRAL_TYPE).as("referral_types");
    private static final Field<Integer> AUTO_LINKED = count().filterWhere(
                    AGG_R.LINK_STATUS.eq(LinkStatus.AUTO_LINKED.code()))
            .as("auto_linked");
    private static final Field<Integer> MANUAL_LINKED = count().filterWhere(
                    AGG_R.LINK_STATUS.eq(LinkStatus.MANUAL_LINKED.code()))
            .as("manual_linked");

    private static final Table<?> AGGREGATES = lateral(select(REFERRAL_COUNT, TYPES, AUTO_LINKED, MANUAL_LINKED)
                    .from(AGG_R)
                    .where(AGG_R.LINKED_COMPANY_ID.eq(COMPANIES.ID)))
            .as("agg");
    private static final Table<?> PRIMARY = lateral(select(PRIMARY_R.REFERRAL_ID, PRIMARY_R.REFERRAL_TYPE)
                    .from(PRIMARY_R)
                    .where(PRIMARY_R.LINKED_COMPANY_ID.eq(COMPANIES.ID))
                    .orderBy(PRIMARY_R.CHANGED_AT.desc(), PRIMARY_R.REFERRAL_ID.asc())
                    .limit(1))
            .as("primary");

    private LeadRows() {}

    static SelectLimitStep<? extends Record> query(DSLContext dsl, LeadQuery query) {
        return dsl.select(
                        COMPANIES.ID,
                        COMPANIES.DOMAIN,
                        COMPANIES.NAME,
                        COMPANIES.COUNTRY,
                        COMPANIES.SOURCE,
                        COMPANIES.CREATED_AT,
                        AGGREGATES.field(REFERRAL_COUNT),
                        AGGREGATES.field(TYPES),
                        AGGREGATES.field(AUTO_LINKED),
                        AGGREGATES.field(MANUAL_LINKED),
                        PRIMARY.field(PRIMARY_R.REFERRAL_ID),
                        PRIMARY.field(PRIMARY_R.REFERRAL_TYPE))
                .from(COMPANIES)
                .crossJoin(AGGREGATES)
                .leftJoin(PRIMARY)
                .on(trueCondition())
                .where(where(query))
                .orderBy(orderBy(query.sort()));
    }

    /**
     * Each order is served by an index: companies_domain_key, and V7's companies_name_idx and companies_created_idx.
     */
    private static List<SortField<?>> orderBy(LeadSort sort) {
        return switch (sort) {
            case DOMAIN_ASC -> List.of(COMPANIES.DOMAIN.asc());
            case NAME_ASC -> List.of(COMPANIES.NAME.asc(), COMPANIES.ID.asc());
            case CREATED_DESC -> List.of(COMPANIES.CREATED_AT.desc(), COMPANIES.ID.desc());
        };
    }

    static Condition where(LeadQuery query) {
        Condition where = noCondition();
        if (query.referralType().isPresent()) {
            ReferralCategory type = query.referralType().get();
            // pcr_type_linked_company_idx (V4) answers this per company from the index alone
            where = where.and(exists(selectOne()
                    .from(FILTER_R)
                    .where(FILTER_R.LINKED_COMPANY_ID.eq(COMPANIES.ID))
                    .and(referralTypeIs(FILTER_R, type))));
        }
        if (query.search().isPresent()) {
            where = where.and(search(query.search().get()));
        }
        return where;
    }

    /**
     * A term that is a domain, an e-mail address or a URL ({@link DomainParser#parse} gives a registrable domain) finds
     * the company with exactly that domain ({@code companies_domain_key}); any other term (a name, a single label, a
     * suffix such as {@code .co.uk}) is a substring of {@code search_text} (trigram index).
     */
    static Condition search(String term) {
        if (DomainParser.parse(term) instanceof DomainParseResult.Parsed parsed) {
            return COMPANIES.DOMAIN.eq(parsed.domain().value());
        }
        return SearchTerm.matches(COMPANIES.SEARCH_TEXT, term);
    }

    /**
     * The companies counted for a referral type without a search: the distinct linked companies among the referrals of
     * that type (every linked_company_id references a company), read in order from pcr_type_linked_company_idx and
     * stopped after {@code limit}, instead of walking the companies and probing each one.
     */
    static Select<?> companiesWithReferralType(DSLContext dsl, ReferralCategory type, long limit) {
        return dsl.selectDistinct(FILTER_R.LINKED_COMPANY_ID)
                .from(FILTER_R)
                .where(referralTypeIs(FILTER_R, type))
                .and(FILTER_R.LINKED_COMPANY_ID.isNotNull())
                .limit(limit);
    }

    private static Condition referralTypeIs(PartnerCenterReferrals r, ReferralCategory type) {
        return type == ReferralCategory.UNKNOWN
                ? r.REFERRAL_TYPE.isNull()
                : r.REFERRAL_TYPE.eq(type.code().orElseThrow());
    }

    static LeadSummary summary(Record r) {
        int referrals = Objects.requireNonNullElse(r.get(AGGREGATES.field(REFERRAL_COUNT)), 0);
        String[] types = r.get(AGGREGATES.field(TYPES));
        String primary = r.get(PRIMARY.field(PRIMARY_R.REFERRAL_ID));
        return new LeadSummary(
                new CompanyId(r.get(COMPANIES.ID)),
                new Domain(r.get(COMPANIES.DOMAIN)),
                r.get(COMPANIES.NAME),
                r.get(COMPANIES.COUNTRY),
                CompanySource.fromCode(r.get(COMPANIES.SOURCE)),
                Times.instant(r.get(COMPANIES.CREATED_AT)),
                referrals,
                types == null
                        ? List.of()
                        : Arrays.stream(types)
                                .map(ReferralCategory::fromCode)
                                .distinct()
                                .sorted(Comparator.naturalOrder())
                                .toList(),
                Optional.ofNullable(primary).map(ReferralId::of),
                primary == null
                        ? Optional.empty()
                        : Optional.of(ReferralCategory.fromCode(r.get(PRIMARY.field(PRIMARY_R.REFERRAL_TYPE)))),
                linkStatus(referrals, r.get(AGGREGATES.field(AUTO_LINKED)), r.get(AGGREGATES.field(MANUAL_LINKED))));
    }

    /** All linked referrals are auto_linked or manual_linked (the schema guarantees it for a linked_company_id). */
    private static LeadLinkStatus linkStatus(int referrals, Integer auto, Integer manual) {
        if (referrals == 0) {
            return LeadLinkStatus.NONE;
        }
        if (Objects.requireNonNullElse(manual, 0) == 0) {
            return LeadLinkStatus.AUTO_LINKED;
        }
        return Objects.requireNonNullElse(auto, 0) == 0 ? LeadLinkStatus.MANUAL_LINKED : LeadLinkStatus.MIXED;
    }
}
