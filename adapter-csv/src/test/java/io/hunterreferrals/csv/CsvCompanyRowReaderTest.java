package io.hunterreferrals.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.leadimport.CompanyImportRow;
import io.hunterreferrals.core.leadimport.CompanyRowReader.UnreadableFileException;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCompanyRowReaderTest {

    private final CsvCompanyRowReader reader = new CsvCompanyRowReader();

    @Test
    void readsColumnsByHeaderNameInAnyOrderAndCase() {
        assertThat(read("Name,EXTRA,Domain,Country\nContoso,x,contoso.com,DE\nFabrikam,,fabrikam.co.uk,\n"))
                .containsExactly(
                        new CompanyImportRow(2, "contoso.com", "Contoso", "DE"),
                        new CompanyImportRow(3, "fabrikam.co.uk", "Fabrikam", ""));
    }

    @Test
    void countryIsOptional() {
        assertThat(read("domain,name\ncontoso.com,Contoso"))
                .containsExactly(new CompanyImportRow(2, "contoso.com", "Contoso", null));
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaksAndLinesStayPhysical() {
        String csv = "domain,name,country\n"
                + "contoso.com,\"Contoso, Inc.\",US\n"
                + "fabrikam.com,\"Fabrikam\n\"\"The Best\"\"\",GB\n"
                + "\n"
                + "northwind.com,Northwind,US\r\n";

        assertThat(read(csv))
                .containsExactly(
                        new CompanyImportRow(2, "contoso.com", "Contoso, Inc.", "US"),
                        new CompanyImportRow(3, "fabrikam.com", "Fabrikam\n\"The Best\"", "GB"),
                        new CompanyImportRow(6, "northwind.com", "Northwind", "US"));
    }

    @Test
    void detectsSemicolonsAndToleratesAByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Domain;Name;Country\nşahin.com.tr;Şahin Bilişim A.Ş.;TR\nisik.com.tr;\"Işık; Gıda\";tr\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);

        assertThat(read(file))
                .containsExactly(
                        new CompanyImportRow(2, "şahin.com.tr", "Şahin Bilişim A.Ş.", "TR"),
                        new CompanyImportRow(3, "isik.com.tr", "Işık; Gıda", "tr"));
    }

    @Test
    void aShortLineLacksItsLastColumns() {
        assertThat(read("domain,name,country\ncontoso.com\n"))
                .containsExactly(new CompanyImportRow(2, "contoso.com", null, null));
    }

    @Test
    void refusesAFileWithoutAHeader() {
        assertThatThrownBy(() -> read("contoso.com,Contoso,DE\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("Line 1")
                .hasMessageContaining("domain and name");
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("Line 1")
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> read("domain,name,domain\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void refusesAnUnclosedQuoteWithItsLine() {
        assertThatThrownBy(() -> read("domain,name\ncontoso.com,Contoso\nfabrikam.com,\"Fabrikam\nnorthwind.com,x\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("Line 3")
                .hasMessageContaining("never closed");
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] windows1254 = "domain,name\nsahin.com.tr,Şahin Bilişim\n".getBytes(Charset.forName("windows-1254"));

        assertThatThrownBy(() -> read(windows1254))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("Line 2")
                .hasMessageContaining("UTF-8");
    }

    private List<CompanyImportRow> read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8));
    }

    private List<CompanyImportRow> read(byte[] file) {
        List<CompanyImportRow> rows = new ArrayList<>();
        reader.read(new ByteArrayInputStream(file), rows::add);
        return rows;
    }
}
