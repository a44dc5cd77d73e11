package io.hunterreferrals.core.leadimport;

import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.company.CompanyResolution;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainParseResult;
import io.hunterreferrals.core.domainname.DomainParser;
import io.hunterreferrals.core.domainname.InvalidDomainException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Imports companies (leads) from a file: each domain is normalised with the domain rules, consumer mailboxes and bad
 * values are rejected with their line number, and companies that exist are left as they are, so importing a file twice
 * changes nothing. Lines are written in batches, so memory stays bounded.
 */
public final class CompanyImport {

    static final int BATCH_SIZE = 500;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final CompanyRowReader reader;
    private final CompanyDirectory companies;

    public CompanyImport(CompanyRowReader reader, CompanyDirectory companies) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.companies = Objects.requireNonNull(companies, "companies");
    }

    public ImportReport importFile(InputStream file) {
        Batch batch = new Batch();
        reader.read(file, batch::accept);
        batch.flush();
        return new ImportReport(batch.created, batch.alreadyPresent, batch.rejected);
    }

    private final class Batch {
        private final Map<Domain, Long> firstLineOfDomain = new HashMap<>();
        private final List<CompanyCandidate> pending = new ArrayList<>();
        private final List<ImportReport.RejectedLine> rejected = new ArrayList<>();
        private int created;
        private int alreadyPresent;

        void accept(CompanyImportRow row) {
            Domain domain;
            switch (DomainParser.parseCompanyDomain(row.domain())) {
                case DomainParseResult.Rejected r -> {
                    reject(row, new InvalidDomainException(r.reason(), row.domain()).getMessage());
                    return;
                }
                case DomainParseResult.Parsed parsed -> domain = parsed.domain();
            }
            String country = row.country() == null || row.country().isBlank()
                    ? null
                    : row.country().strip().toUpperCase(Locale.ROOT);
            if (country != null && !COUNTRY.matcher(country).matches()) {
                reject(
                        row,
                        "The country '" + row.country().strip() + "' is not a two-letter ISO code such as TR or DE");
                return;
            }
            Long firstLine = firstLineOfDomain.putIfAbsent(domain, row.lineNumber());
            if (firstLine != null) {
                reject(row, "The domain " + domain + " already appears on line " + firstLine);
                return;
            }
            pending.add(new CompanyCandidate(domain, row.name(), country, null, CompanySource.IMPORT));
            if (pending.size() >= BATCH_SIZE) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            for (CompanyResolution resolution : companies.findOrCreate(pending).values()) {
                if (resolution.created()) {
                    created++;
                } else {
                    alreadyPresent++;
                }
            }
            pending.clear();
        }

        private void reject(CompanyImportRow row, String reason) {
            rejected.add(new ImportReport.RejectedLine(row.lineNumber(), reason));
        }
    }
}
