package io.hunterreferrals.csv;

import static io.hunterreferrals.core.testing.HostileStrings.pick;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.leadimport.CompanyImportRow;
import io.hunterreferrals.core.leadimport.CompanyRowReader;
import io.hunterreferrals.core.testing.DomainLikeTexts;
import io.hunterreferrals.core.testing.HostileStrings;
import io.hunterreferrals.core.testing.PropertyCheck;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The real CSV reader behind POST /api/v1/leads/import on hostile files: rows come out, or the file is unreadable with
 * a message naming the line; no other exception (which the API would answer with a 500).
 */
class CsvCompanyRowReaderPropertiesTest {

    static final int TRIES = 1_000;

    private final CsvCompanyRowReader reader = new CsvCompanyRowReader();

    @Test
    void anyFileGivesRowsOrAnUnreadableFileWithAMessage() {
        PropertyCheck.forAll(TRIES, 81L, CsvCompanyRowReaderPropertiesTest::file, bytes -> {
            List<CompanyImportRow> rows = new ArrayList<>();
            try {
                reader.read(new ByteArrayInputStream(bytes), rows::add);
            } catch (CompanyRowReader.UnreadableFileException e) {
                assertThat(e.getMessage()).isNotBlank();
                return;
            }
            assertThat(rows).allSatisfy(row -> assertThat(row.lineNumber()).isPositive());
        });
    }

    private static byte[] file(SplittableRandom r) {
        if (r.nextInt(10) == 0) {
            byte[] garbage = new byte[r.nextInt(400)];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = (byte) r.nextInt(256);
            }
            return garbage;
        }
        String newline = pick(List.of("\n", "\r\n", "\r"), r);
        StringBuilder text = new StringBuilder(pick(
                List.of(
                        "domain,name,country",
                        "\ufeffdomain,name,country",
                        "Domain;Name;Country",
                        "name,domain",
                        "",
                        "\"domain\",\"name\"",
                        "domain",
                        "DOMAIN,,domain"),
                r));
        for (int i = r.nextInt(12); i > 0; i--) {
            text.append(newline)
                    .append(cell(r))
                    .append(pick(List.of(",", ";", "\t"), r))
                    .append(cell(r));
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(6) == 0 && bytes.length > 0) {
            bytes[r.nextInt(bytes.length)] =
                    (byte) pick(List.of(0xFF, 0xC0, 0xED, 0x80, 0x00), r).intValue();
        }
        return bytes;
    }

    private static String cell(SplittableRandom r) {
        String value = r.nextBoolean() ? DomainLikeTexts.any(r) : HostileStrings.upTo(r, 2_000);
        return switch (r.nextInt(4)) {
            case 0 -> "\"" + value.replace("\"", "\"\"") + "\"";
            case 1 -> "\"" + value;
            default -> value;
        };
    }
}
