package io.hunterreferrals.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {

    private final ApiFixture api =
            ApiFixture.start(HttpApi.Role.API, b -> b.maxJsonBytes(4096).maxImportBytes(64 * 1024));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anUnknownRouteIsAJson404() {
        ApiFixture.Response response = api.get("/api/v1/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void aWrongMethodIsAJson405() {
        ApiFixture.Response response = api.send("DELETE", "/api/v1/leads");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.errorCode()).isEqualTo("method_not_allowed");
        assertThat(api.get("/api/referrals/sync").status()).isEqualTo(405);
    }

    @Test
    void anOversizedJsonBodyIs413() {
        String big = "{\"notes\": \"" + "x".repeat(5000) + "\"}";

        ApiFixture.Response response = api.post("/api/v1/partner-center/referrals/r-1/create-lead", big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("payload_too_large");
    }

    @Test
    void anOversizedImportIs413() {
        byte[] csv =
                ("domain,name,country\n" + "company.com.tr,Company,TR\n".repeat(4000)).getBytes(StandardCharsets.UTF_8);

        ApiFixture.Response response = api.post("/api/v1/leads/import", "text/csv", csv);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("payload_too_large");
        assertThat(api.companies.all()).isEmpty();
    }

    @Test
    void aJsonBodyThatIsNotAnObjectIs400() {
        ApiFixture.Response response = api.post("/api/v1/partner-center/referrals/sync", "[1, 2]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("malformed_json");
    }

    @Test
    void aFieldOfTheWrongTypeIs400NamingIt() {
        ApiFixture.Response response =
                api.post("/api/v1/partner-center/referrals/r-1/link", "{\"lead_domain\": {\"a\": 1}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_field");
        assertThat(response.errorMessage()).contains("lead_domain");
    }

    @Test
    void anUnexpectedFailureIsA500ThatQuotesTheRequestIdAndHidesTheCause() {
        ApiFixture broken = ApiFixture.start(HttpApi.Role.API, b -> b.leads(new BrokenLeadQueries()));
        try {
            ApiFixture.Response response = broken.get("/api/v1/leads");

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.errorCode()).isEqualTo("internal_error");
            assertThat(response.errorMessage())
                    .contains(response.header("X-Request-Id"))
                    .doesNotContain("secret detail");
        } finally {
            broken.close();
        }
    }

    private static final class BrokenLeadQueries implements io.hunterreferrals.core.query.LeadQueries {
        @Override
        public io.hunterreferrals.core.query.Page<io.hunterreferrals.core.query.LeadSummary> leads(
                io.hunterreferrals.core.query.LeadQuery query) {
            throw new IllegalStateException("secret detail");
        }

        @Override
        public void forEachLead(
                io.hunterreferrals.core.query.LeadQuery query,
                java.util.function.Consumer<io.hunterreferrals.core.query.LeadSummary> consumer) {
            throw new IllegalStateException("secret detail");
        }
    }
}
