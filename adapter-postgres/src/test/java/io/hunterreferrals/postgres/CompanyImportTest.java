package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.COMPANIES;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.leadimport.CompanyImport;
import io.hunterreferrals.core.leadimport.CompanyImportRow;
import io.hunterreferrals.core.leadimport.ImportReport;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Core's CompanyImport with the PostgreSQL directory; adapter-csv's tests cover reading the file. */
@ExtendWith(PostgresExtension.class)
class CompanyImportTest {

    /** The lines of a companies file as adapter-csv reads them (line 1 is the header). */
    private static final List<CompanyImportRow> ROWS = List.of(
            new CompanyImportRow(2, "https://www.Şahin-Bilişim.com.tr/iletisim", "Şahin Bilişim A.Ş.", "tr"),
            new CompanyImportRow(3, "info@isikgida.com.tr", "Işık Gıda; Un Sanayi", "TR"),
            new CompanyImportRow(4, "gmail.com", "Somebody", "TR"),
            new CompanyImportRow(5, "mail.isikgida.com.tr", "Işık again", "TR"),
            new CompanyImportRow(6, "contoso.de", "Contoso", "Germany"),
            new CompanyImportRow(7, "fabrikam.co.uk", null, null));

    private final DataSource ds;
    private final CompanyImport companyImport;

    CompanyImportTest(DataSource ds) {
        this.ds = ds;
        this.companyImport = new CompanyImport((file, rows) -> ROWS.forEach(rows), new JooqCompanyDirectory(ds));
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Test
    void importsNormalisedCompaniesAndReportsRejectedLinesThenChangesNothingTheSecondTime() {
        ImportReport first = importFile();

        assertThat(first.created()).isEqualTo(3);
        assertThat(first.alreadyPresent()).isZero();
        assertThat(first.rejected())
                .extracting(ImportReport.RejectedLine::lineNumber)
                .containsExactly(4L, 5L, 6L);
        assertThat(Seed.dsl(ds)
                        .select(COMPANIES.DOMAIN, COMPANIES.NAME, COMPANIES.COUNTRY, COMPANIES.SOURCE)
                        .from(COMPANIES)
                        .orderBy(COMPANIES.DOMAIN)
                        .fetch(r -> r.value1() + "|" + r.value2() + "|" + r.value3() + "|" + r.value4()))
                .containsExactly(
                        "fabrikam.co.uk|fabrikam.co.uk|null|import",
                        "isikgida.com.tr|Işık Gıda; Un Sanayi|TR|import",
                        "xn--ahin-biliim-qgcj.com.tr|Şahin Bilişim A.Ş.|TR|import");

        ImportReport second = importFile();

        assertThat(second.created()).isZero();
        assertThat(second.alreadyPresent()).isEqualTo(3);
        assertThat(Seed.dsl(ds).fetchCount(COMPANIES)).isEqualTo(3);
    }

    private ImportReport importFile() {
        return companyImport.importFile(new ByteArrayInputStream(new byte[0]));
    }
}
