package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.ReferralColumns.PCR;
import static io.hunterreferrals.postgres.jooq.Tables.COMPANIES;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.val;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.query.InboxQuery;
import io.hunterreferrals.core.query.LinkChange;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.ReferralCount;
import io.hunterreferrals.core.query.ReferralDetail;
import io.hunterreferrals.core.query.ReferralQueries;
import io.hunterreferrals.core.query.ReferralSummary;
import io.hunterreferrals.core.referral.RawPayload;
import io.hunterreferrals.core.referral.ReferralId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * {@link ReferralQueries} on PostgreSQL: the inbox (filters, accent-insensitive search over the trigram-indexed
 * {@code search_text}, sorts with a referral_id tie-break, pages with the total, exact up to {@link Totals#CAP}) and
 * the referral detail. Thread-safe.
 */
public final class JooqReferralQueries implements ReferralQueries {

    private static final Table<?> INBOX = PCR.leftJoin(COMPANIES).on(COMPANIES.ID.eq(PCR.LINKED_COMPANY_ID));

    private final DSLContext dsl;
    private final long totalCap;

    public JooqReferralQueries(DataSource dataSource) {
        this(dataSource, Totals.CAP);
    }

    /** With {@code totalCap} matching rows counted at most (tests use a small cap). */
    JooqReferralQueries(DataSource dataSource, long totalCap) {
        this.dsl = Jooq.using(dataSource);
        this.totalCap = totalCap;
    }

    @Override
    public Page<ReferralSummary> inbox(InboxQuery query) {
        Condition where = where(query);
        List<ReferralSummary> rows = dsl.select(InboxRows.SUMMARY)
                .from(INBOX)
                .where(where)
                .orderBy(InboxRows.orderBy(query.sort()))
                .limit(query.page().pageSize())
                .offset(query.page().offset())
                .fetch(InboxRows::summary);
        Totals.Total total = Totals.total(
                rows.size(),
                query.page(),
                totalCap,
                limit -> dsl.fetchCount(dsl.selectOne().from(PCR).where(where).limit(limit)));
        return new Page<>(rows, total.total(), total.exact(), query.page());
    }

    @Override
    public Optional<ReferralDetail> find(ReferralId id, boolean includeRaw) {
        List<Field<?>> fields = new ArrayList<>(InboxRows.SUMMARY);
        fields.addAll(List.of(
                PCR.ENGAGEMENT_ID,
                PCR.TYPE,
                PCR.QUALIFICATION,
                PCR.STATUS_REASON,
                PCR.INVITED_BY_ORG_ID,
                PCR.REFERRAL_SOURCE,
                PCR.CALL_TO_ACTION,
                PCR.CLASSIFICATION_SUB_CATEGORY,
                PCR.CUSTOMER_SIZE,
                PCR.PC_EXPIRES_AT,
                PCR.ETAG,
                PCR.EXTERNAL_REFERENCE_ID,
                PCR.FIRST_SEEN_AT,
                PCR.LINKED_AT,
                PCR.LINK_CHANGED_BY));
        if (includeRaw) {
            // raw_data is the largest column: read it only when asked for.
            fields.add(PCR.RAW_DATA);
        }
        return dsl.select(fields)
                .from(INBOX)
                .where(PCR.REFERRAL_ID.eq(id.value()))
                .fetchOptional(r -> detail(r, includeRaw));
    }

    private static ReferralDetail detail(Record r, boolean includeRaw) {
        return new ReferralDetail(
                InboxRows.summary(r),
                r.get(PCR.ENGAGEMENT_ID),
                r.get(PCR.TYPE),
                r.get(PCR.QUALIFICATION),
                r.get(PCR.STATUS_REASON),
                r.get(PCR.INVITED_BY_ORG_ID),
                r.get(PCR.REFERRAL_SOURCE),
                r.get(PCR.CALL_TO_ACTION),
                r.get(PCR.CLASSIFICATION_SUB_CATEGORY),
                r.get(PCR.CUSTOMER_SIZE),
                Times.instant(r.get(PCR.PC_EXPIRES_AT)),
                r.get(PCR.ETAG),
                r.get(PCR.EXTERNAL_REFERENCE_ID),
                Times.instant(r.get(PCR.FIRST_SEEN_AT)),
                lastLinkChange(r),
                includeRaw ? Optional.of(new RawPayload(r.get(PCR.RAW_DATA).data())) : Optional.empty());
    }

    private static Optional<LinkChange> lastLinkChange(Record r) {
        Instant at = Times.instant(r.get(PCR.LINKED_AT));
        String by = r.get(PCR.LINK_CHANGED_BY);
        return at == null || by == null ? Optional.empty() : Optional.of(new LinkChange(at, by));
    }

    /** One pass over the table (200,000 referrals take tens of milliseconds); no index would make it cheaper. */
    @Override
    public List<ReferralCount> countsByTypeAndStatus() {
        Field<Integer> count = count();
        return dsl.select(PCR.REFERRAL_TYPE, PCR.STATUS, count)
                .from(PCR)
                .groupBy(PCR.REFERRAL_TYPE, PCR.STATUS)
                .orderBy(PCR.REFERRAL_TYPE.asc().nullsLast(), PCR.STATUS.asc().nullsLast())
                .fetch(r -> new ReferralCount(
                        ReferralCategory.fromCode(r.get(PCR.REFERRAL_TYPE)), r.get(PCR.STATUS), r.get(count)));
    }

    private static Condition where(InboxQuery query) {
        Condition where = noCondition();
        if (query.linkStatus().isPresent()) {
            where = where.and(PCR.LINK_STATUS.eq(query.linkStatus().get().code()));
        }
        if (query.referralType().isPresent()) {
            ReferralCategory type = query.referralType().get();
            where = where.and(
                    type == ReferralCategory.UNKNOWN
                            ? PCR.REFERRAL_TYPE.isNull()
                            : PCR.REFERRAL_TYPE.eq(type.code().orElseThrow()));
        }
        if (query.status().isPresent()) {
            // lower(status) = lower(?) is the expression pcr_status_idx indexes.
            where = where.and(lower(PCR.STATUS)
                    .eq(lower(val(PostgresText.text(query.status().get())))));
        }
        if (query.search().isPresent()) {
            where = where.and(SearchTerm.matches(PCR.SEARCH_TEXT, query.search().get()));
        }
        return where;
    }
}
