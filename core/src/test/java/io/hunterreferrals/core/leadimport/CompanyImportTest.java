package io.hunterreferrals.core.leadimport;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.testing.InMemoryCompanyDirectory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CompanyImportTest {

    /** Test stand-in for the CSV adapter: one row per line, fields split on ';' (no quoting needed here). */
    private static final CompanyRowReader LINES = (InputStream file, Consumer<CompanyImportRow> rows) -> {
        String[] lines = new String(readAll(file), StandardCharsets.UTF_8).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = (lines[i] + ";;;").split(";", -1);
            rows.accept(new CompanyImportRow(i + 1, f[0], f[1].isEmpty() ? null : f[1], f[2].isEmpty() ? null : f[2]));
        }
    };

    private final InMemoryCompanyDirectory companies = new InMemoryCompanyDirectory();
    private final CompanyImport importer = new CompanyImport(LINES, companies);

    @Test
    void importsNormalisedDomainsAndReportsEachRejectedLine() {
        ImportReport report = importer.importFile(file("""
                domain;name;country
                https://www.Contoso.com.tr/;Contoso A.Ş.;tr
                info@fabrikam.de;Fabrikam;DE
                ayse@gmail.com;Ayşe;TR
                n/a;Nobody;
                contoso.com.tr;Contoso again;TR
                northwind.co.uk;Northwind;United Kingdom
                müller.de;;
                """));

        assertThat(report.created()).isEqualTo(3);
        assertThat(report.alreadyPresent()).isZero();
        assertThat(report.rejected())
                .extracting(ImportReport.RejectedLine::lineNumber)
                .containsExactly(4L, 5L, 6L, 7L);
        assertThat(report.rejected().get(0).reason())
                .contains("consumer mailbox")
                .doesNotContain("ayse");
        assertThat(report.rejected().get(2).reason()).contains("line 2");
        assertThat(report.rejected().get(3).reason()).contains("two-letter");
        var contoso = companies.findByDomain(Domain.of("contoso.com.tr")).orElseThrow();
        assertThat(contoso.name()).isEqualTo("Contoso A.Ş.");
        assertThat(contoso.country()).isEqualTo("TR");
        assertThat(contoso.source()).isEqualTo(CompanySource.IMPORT);
        assertThat(companies
                        .findByDomain(Domain.of("xn--mller-kva.de"))
                        .orElseThrow()
                        .name())
                .isEqualTo("xn--mller-kva.de");
    }

    @Test
    void importingTheSameFileTwiceCreatesNothing() {
        String csv = "domain;name;country\ncontoso.com.tr;Contoso;TR\nfabrikam.de;Fabrikam;DE\n";
        importer.importFile(file(csv));

        ImportReport again = importer.importFile(file(csv));

        assertThat(again.created()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(2);
        assertThat(companies.all()).hasSize(2);
    }

    @Test
    void writesLargeFilesInBatches() {
        StringBuilder csv = new StringBuilder("domain;name;country\n");
        int lines = CompanyImport.BATCH_SIZE * 2 + 7;
        for (int i = 0; i < lines; i++) {
            csv.append("company-")
                    .append(i)
                    .append(".com.tr;Company ")
                    .append(i)
                    .append(";TR\n");
        }

        ImportReport report = importer.importFile(file(csv.toString()));

        assertThat(report.created()).isEqualTo(lines);
        assertThat(report.rejected()).isEmpty();
    }

    private static InputStream file(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
