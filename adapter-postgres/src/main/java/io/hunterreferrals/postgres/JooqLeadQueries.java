package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.COMPANIES;

import io.hunterreferrals.core.query.LeadQueries;
import io.hunterreferrals.core.query.LeadQuery;
import io.hunterreferrals.core.query.LeadSort;
import io.hunterreferrals.core.query.LeadSummary;
import io.hunterreferrals.core.query.Page;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * {@link LeadQueries} on PostgreSQL: companies with the aggregates of the referrals linked to them, the total exact up
 * to {@link Totals#CAP}. Thread-safe.
 */
public final class JooqLeadQueries implements LeadQueries {

    /** Rows per round trip when streaming an export. */
    private static final int FETCH_SIZE = 1_000;

    private final DSLContext dsl;
    private final long totalCap;

    public JooqLeadQueries(DataSource dataSource) {
        this(dataSource, Totals.CAP);
    }

    /** With {@code totalCap} matching companies counted at most (tests use a small cap). */
    JooqLeadQueries(DataSource dataSource, long totalCap) {
        this.dsl = Jooq.using(dataSource);
        this.totalCap = totalCap;
    }

    @Override
    public Page<LeadSummary> leads(LeadQuery query) {
        List<LeadSummary> rows = LeadRows.query(dsl, query)
                .limit(query.page().pageSize())
                .offset(query.page().offset())
                .fetch(LeadRows::summary);
        Totals.Total total = Totals.total(rows.size(), query.page(), totalCap, limit -> countAtMost(query, limit));
        return new Page<>(rows, total.total(), total.exact(), query.page());
    }

    private int countAtMost(LeadQuery query, long limit) {
        if (query.referralType().isPresent() && query.search().isEmpty()) {
            return dsl.fetchCount(
                    LeadRows.companiesWithReferralType(dsl, query.referralType().get(), limit));
        }
        return dsl.fetchCount(
                dsl.selectOne().from(COMPANIES).where(LeadRows.where(query)).limit(limit));
    }

    @Override
    public void forEachLead(LeadQuery query, Consumer<LeadSummary> consumer) {
        // Exports are in domain order whatever the listing's sort (the port, LeadSort.DOMAIN_ASC).
        LeadQuery inDomainOrder =
                new LeadQuery(query.referralType(), query.search(), LeadSort.DOMAIN_ASC, query.page());
        // PostgreSQL's JDBC driver streams with a fetch size only inside a transaction; otherwise it would load every
        // company into memory at once.
        dsl.transaction(cfg -> {
            try (Cursor<? extends Record> cursor = LeadRows.query(cfg.dsl(), inDomainOrder)
                    .fetchSize(FETCH_SIZE)
                    .fetchLazy()) {
                for (Record row : cursor) {
                    consumer.accept(LeadRows.summary(row));
                }
            }
        });
    }
}
