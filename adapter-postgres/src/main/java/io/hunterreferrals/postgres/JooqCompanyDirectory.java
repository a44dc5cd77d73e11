package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.COMPANIES;

import io.hunterreferrals.core.company.Company;
import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.CompanyResolution;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.postgres.jooq.tables.records.CompaniesRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep5;

/**
 * {@link CompanyDirectory} on PostgreSQL ({@code companies}). Find-or-create is two statements per batch: {@code INSERT
 * ... ON CONFLICT (domain) DO NOTHING RETURNING id, domain} creates the missing companies and says which ones it
 * created, then a {@code SELECT} reads the ids of those that existed. A concurrent caller inserting the same domain
 * makes the insert wait for it and then skip the row, so there is never a second company for a domain, and only the
 * caller whose row was inserted reports {@code created}. Thread-safe.
 */
public final class JooqCompanyDirectory implements CompanyDirectory {

    /** Rows per INSERT: well below PostgreSQL's 65,535 bind parameters (5 per row). */
    private static final int BATCH = 1_000;

    private final DSLContext dsl;

    public JooqCompanyDirectory(DataSource dataSource) {
        this.dsl = Jooq.using(dataSource);
    }

    @Override
    public Map<Domain, CompanyResolution> findOrCreate(Collection<CompanyCandidate> candidates) {
        // The first candidate of a domain wins; sorting by domain makes concurrent batches take the unique index's
        // locks in the same order, so they wait for each other instead of deadlocking.
        TreeMap<String, CompanyCandidate> byDomain = new TreeMap<>();
        candidates.forEach(c -> byDomain.putIfAbsent(c.domain().value(), c));
        Map<String, CompanyResolution> resolved = new HashMap<>();
        List<CompanyCandidate> batch = new ArrayList<>(Math.min(BATCH, byDomain.size()));
        for (CompanyCandidate candidate : byDomain.values()) {
            batch.add(candidate);
            if (batch.size() == BATCH) {
                resolved.putAll(inTransaction(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            resolved.putAll(inTransaction(batch));
        }
        Map<Domain, CompanyResolution> result = new LinkedHashMap<>();
        candidates.forEach(
                c -> result.putIfAbsent(c.domain(), resolved.get(c.domain().value())));
        return result;
    }

    @Override
    public Optional<Company> findByDomain(Domain domain) {
        return dsl.selectFrom(COMPANIES)
                .where(COMPANIES.DOMAIN.eq(domain.value()))
                .fetchOptional()
                .map(JooqCompanyDirectory::company);
    }

    private Map<String, CompanyResolution> inTransaction(List<CompanyCandidate> batch) {
        return dsl.transactionResult(cfg -> {
            if (batch.stream().allMatch(c -> c.source() == CompanySource.PARTNER_CENTER)) {
                // Companies a sync creates need not wait for the WAL flush: if a crash loses them, it loses the later
                // page that links to them too (commits reach the WAL in order), and the next run creates them again.
                // An import's or an operator's companies are committed durably.
                cfg.dsl().execute("SET LOCAL synchronous_commit = off");
            }
            return findOrCreateBatch(cfg.dsl(), batch);
        });
    }

    private static Map<String, CompanyResolution> findOrCreateBatch(DSLContext dsl, List<CompanyCandidate> batch) {
        InsertValuesStep5<CompaniesRecord, String, String, String, String, String> insert = dsl.insertInto(
                COMPANIES, COMPANIES.DOMAIN, COMPANIES.NAME, COMPANIES.COUNTRY, COMPANIES.NOTES, COMPANIES.SOURCE);
        for (CompanyCandidate c : batch) {
            String name = PostgresText.text(c.name());
            insert = insert.values(
                    c.domain().value(),
                    name.isBlank() ? c.domain().value() : name,
                    PostgresText.text(c.country()),
                    PostgresText.text(c.notes()),
                    c.source().code());
        }
        Map<String, CompanyResolution> resolved = new HashMap<>();
        insert.onConflict(COMPANIES.DOMAIN)
                .doNothing()
                .returningResult(COMPANIES.ID, COMPANIES.DOMAIN)
                .fetch()
                .forEach(r -> resolved.put(r.value2(), new CompanyResolution(new CompanyId(r.value1()), true)));
        if (resolved.size() < batch.size()) {
            String[] existing = batch.stream()
                    .map(c -> c.domain().value())
                    .filter(d -> !resolved.containsKey(d))
                    .toArray(String[]::new);
            // A new statement sees the rows the conflicting transactions committed while the insert waited.
            dsl.select(COMPANIES.ID, COMPANIES.DOMAIN)
                    .from(COMPANIES)
                    .where(COMPANIES.DOMAIN.in(existing))
                    .forEach(r -> resolved.put(r.value2(), new CompanyResolution(new CompanyId(r.value1()), false)));
        }
        if (resolved.size() < batch.size()) {
            // Only possible if a company was deleted between the two statements.
            throw new IllegalStateException("A company disappeared while it was being found; retry");
        }
        return resolved;
    }

    static Company company(CompaniesRecord r) {
        return new Company(
                new CompanyId(r.getId()),
                new Domain(r.getDomain()),
                r.getName(),
                r.getCountry(),
                CompanySource.fromCode(r.getSource()));
    }
}
