package io.hunterreferrals.http;

import static io.hunterreferrals.core.testing.TestReferrals.aReferralOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.query.LeadQueries;
import io.hunterreferrals.core.query.LeadQuery;
import io.hunterreferrals.core.query.LeadSummary;
import io.hunterreferrals.core.query.Page;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeadRoutesTest {

    private final ApiFixture api = ApiFixture.start(HttpApi.Role.API, b -> b.maxImportBytes(64 * 1024));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void leadsCarryTheirReferralAggregates() {
        api.withReferrals(
                aReferralOf("r-1", "Contoso Ltd", "contoso.com.tr").build(),
                aReferralOf("r-2", "Contoso Ltd", "contoso.com.tr").build());
        lead("fabrikam.de", "Fabrikam");

        JsonNode page = api.get("/api/v1/leads").json();

        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("total_exact").asBoolean()).isTrue();
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("page_size").asInt()).isEqualTo(50);
        JsonNode contoso = page.get("leads").get(0);
        assertThat(contoso.get("domain").asText()).isEqualTo("contoso.com.tr");
        assertThat(contoso.get("referral_count").asInt()).isEqualTo(2);
        assertThat(contoso.get("referral_type").asText()).isEqualTo("co-sell");
        assertThat(contoso.get("referral_types")).extracting(JsonNode::asText).containsExactly("co-sell");
        assertThat(contoso.get("link_status").asText()).isEqualTo("auto_linked");
        assertThat(contoso.get("primary_referral_id").asText()).isIn("r-1", "r-2");
        JsonNode fabrikam = page.get("leads").get(1);
        assertThat(fabrikam.get("referral_count").asInt()).isZero();
        assertThat(fabrikam.get("link_status").asText()).isEqualTo("none");
        assertThat(fabrikam.get("referral_type").isNull()).isTrue();
    }

    @Test
    void leadsAreSortedByDomainByDefaultOrByNameOrNewestFirstOnRequest() {
        lead("b-domain.com", "Zeta Ltd");
        lead("a-domain.com", "Omega Ltd");
        lead("c-domain.com", "Alpha Ltd");

        assertThat(domains(api.get("/api/v1/leads"))).containsExactly("a-domain.com", "b-domain.com", "c-domain.com");
        assertThat(domains(api.get("/api/v1/leads?sort=name_asc")))
                .containsExactly("c-domain.com", "a-domain.com", "b-domain.com");
        assertThat(domains(api.get("/api/v1/leads?sort=created_desc")))
                .containsExactly("c-domain.com", "a-domain.com", "b-domain.com");
        ApiFixture.Response unknown = api.get("/api/v1/leads?sort=referral_count");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorMessage()).contains("domain_asc, name_asc, created_desc");
    }

    @Test
    void aCappedTotalIsReportedAsNotExact() {
        LeadQueries capped = new LeadQueries() {
            @Override
            public Page<LeadSummary> leads(LeadQuery query) {
                return new Page<>(List.of(), 1_000, false, query.page());
            }

            @Override
            public void forEachLead(LeadQuery query, Consumer<LeadSummary> consumer) {}
        };
        ApiFixture cappedApi = ApiFixture.start(HttpApi.Role.API, b -> b.leads(capped));
        try {
            JsonNode page = cappedApi.get("/api/v1/leads").json();

            assertThat(page.get("total").asInt()).isEqualTo(1_000);
            assertThat(page.get("total_exact").asBoolean()).isFalse();
        } finally {
            cappedApi.close();
        }
    }

    @Test
    void leadsAreFilteredByTypeAndSearchAndPaged() {
        api.withReferrals(aReferralOf("r-1", "Contoso Ltd", "contoso.com.tr").build());
        lead("fabrikam.de", "Fabrikam");

        assertThat(domains(api.get("/api/v1/leads?referral_type=co-sell"))).containsExactly("contoso.com.tr");
        assertThat(domains(api.get("/api/v1/leads?search=fabri"))).containsExactly("fabrikam.de");
        assertThat(domains(api.get("/api/v1/leads?page=2&page_size=1"))).containsExactly("fabrikam.de");

        ApiFixture.Response unknown = api.get("/api/v1/leads?referral_type=unclassified");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorMessage()).contains("co-sell, marketplace, solution-provider");
        assertThat(api.get("/api/v1/leads?page_size=500").status()).isEqualTo(400);
    }

    @Test
    void theExportIsUtf8CsvWithABomAndProperQuoting() {
        lead("sahin.com.tr", "Şahin, Güneş & Oğulları \"A.Ş.\"");
        lead("ikizler.com.tr", "İkizler Yazılım");
        lead("formula.com.tr", "=HYPERLINK(\"http://evil\")");
        api.withReferrals(
                aReferralOf("r-1", "İkizler Yazılım", "ikizler.com.tr").build());

        ApiFixture.Response response = api.get("/api/v1/leads/export.csv");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv").contains("utf-8");
        assertThat(response.header("Content-Disposition")).contains("attachment", "leads.csv");
        assertThat(response.bytes()[0] & 0xff).isEqualTo(0xEF);
        assertThat(response.bytes()[1] & 0xff).isEqualTo(0xBB);
        assertThat(response.bytes()[2] & 0xff).isEqualTo(0xBF);
        String[] lines = response.body().substring(1).split("\r\n");
        assertThat(lines[0])
                .isEqualTo("lead_id,domain,name,country,source,created_at,referral_type,link_status,"
                        + "referral_count,referral_types,primary_referral_id");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).startsWith("3,formula.com.tr,\"'=HYPERLINK(\"\"http://evil\"\")\",");
        assertThat(lines[2])
                .contains(",ikizler.com.tr,İkizler Yazılım,")
                .endsWith(",co-sell,auto_linked,1,co-sell,r-1");
        assertThat(lines[3])
                .contains(",sahin.com.tr,\"Şahin, Güneş & Oğulları \"\"A.Ş.\"\"\",")
                .endsWith(",,none,0,,");
    }

    @Test
    void theExportHonoursTheFilters() {
        api.withReferrals(aReferralOf("r-1", "Contoso Ltd", "contoso.com.tr").build());
        lead("fabrikam.de", "Fabrikam");

        String csv = api.get("/api/v1/leads/export.csv?referral_type=co-sell").body();

        assertThat(csv).contains("contoso.com.tr").doesNotContain("fabrikam.de");
        assertThat(api.get("/api/v1/leads/export.csv?referral_type=nope").status())
                .isEqualTo(400);
    }

    @Test
    void anImportAsTheRawBodyReportsCreatedPresentAndRejectedLines() {
        lead("fabrikam.de", "Fabrikam");
        String csv = """
                domain,name,country
                https://www.Contoso.com.tr/,"Contoso, A.Ş.",tr
                fabrikam.de,Fabrikam,DE
                ayse@gmail.com,Ayşe,TR
                northwind.co.uk,Northwind,United Kingdom
                """;

        ApiFixture.Response response =
                api.post("/api/v1/leads/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("already_present").asInt()).isEqualTo(1);
        assertThat(report.get("rejected_count").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(report.get("rejected").get(0).get("reason").asText()).contains("consumer mailbox");
        assertThat(report.get("rejected").get(1).get("line").asInt()).isEqualTo(5);
        assertThat(api.companies
                        .findByDomain(Domain.of("contoso.com.tr"))
                        .orElseThrow()
                        .name())
                .isEqualTo("Contoso, A.Ş.");
    }

    @Test
    void anImportAsAMultipartFileWorksToo() {
        String boundary = "----hunter-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "domain,name,country\r\ncontoso.com.tr,Contoso,TR\r\n"
                + "--" + boundary + "--\r\n";

        ApiFixture.Response response = api.post(
                "/api/v1/leads/import",
                "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("created").asInt()).isEqualTo(1);
    }

    @Test
    void aBrokenOrEmptyFileIsA400() {
        ApiFixture.Response broken = api.post(
                "/api/v1/leads/import",
                "text/csv",
                "domain,name\n\"contoso.com.tr,Contoso\n".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.errorCode()).isEqualTo("unreadable_file");
        assertThat(broken.errorMessage()).contains("Line 2");

        ApiFixture.Response empty = api.post("/api/v1/leads/import", "text/csv", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorCode()).isEqualTo("empty_file");
    }

    @Test
    void aStreamedImportWithoutContentLengthStopsAtTheLimit() throws Exception {
        byte[] csv =
                ("domain,name,country\n" + "company.com.tr,Company,TR\n".repeat(4000)).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.app.port() + "/api/v1/leads/import"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(csv)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload_too_large");
        assertThat(api.companies.all()).isEmpty();
    }

    private void lead(String domain, String name) {
        api.companies.findOrCreate(List.of(new CompanyCandidate(Domain.of(domain), name, CompanySource.IMPORT)));
    }

    private static List<String> domains(ApiFixture.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> domains = new java.util.ArrayList<>();
        response.json().get("leads").forEach(l -> domains.add(l.get("domain").asText()));
        return domains;
    }
}
