package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lead upserts by alternate key and reads, as use-upsert-insert-update-record.md and the conditional doc show. */
class DataverseUpsertTest {

    private static final String PREFER = "Prefer";
    private static final String REPRESENTATION = "return=representation";

    private DataverseSimulator sim;
    private DataverseClient api;

    @BeforeEach
    void start() {
        sim = DataverseSimulator.builder().seed(7).build().start();
        api = new DataverseClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Http.Response upsertReturning(String referralId, String json) {
        return api.patch(api.keyPath(referralId) + "?$select=leadid", json, PREFER, REPRESENTATION);
    }

    @Test
    void createIs201ThenUpdateIs200ThenWithoutPreferBoth204() {
        Http.Response created =
                upsertReturning("ref-1", "{\"subject\":\"Contoso wants Copilot\",\"lastname\":\"Yılmaz\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String leadId = body.path("leadid").asText();
        assertThat(body.path("@odata.context").asText())
                .isEqualTo(sim.serviceRoot() + "$metadata#leads(leadid)/$entity");
        assertThat(body.path("@odata.etag").asText()).startsWith("W/\"");
        assertThat(body.has("subject")).isFalse();
        assertThat(created.header("ETag")).isEqualTo(body.path("@odata.etag").asText());
        assertThat(created.header("Preference-Applied")).isEqualTo(REPRESENTATION);
        assertThat(created.header("OData-EntityId"))
                .isEqualTo(sim.serviceRoot() + "leads(hnt_partnercenterreferralid='ref-1')");

        Http.Response updated = upsertReturning("ref-1", "{\"subject\":\"Contoso wants Copilot now\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("leadid").asText()).isEqualTo(leadId);
        assertThat(updated.json().path("@odata.etag").asText())
                .isNotEqualTo(body.path("@odata.etag").asText());

        Http.Response plain = api.upsert("ref-1", "{\"companyname\":\"Contoso\"}", "If-None-Match", "null");
        Http.Response plainCreate = api.upsert("ref-2", "{\"companyname\":\"Fabrikam\"}");
        assertThat(plain.status()).isEqualTo(204);
        assertThat(plain.body()).isEmpty();
        assertThat(plain.header("OData-EntityId")).endsWith("leads(hnt_partnercenterreferralid='ref-1')");
        assertThat(plainCreate.status()).isEqualTo(204);

        DataverseLead lead = sim.leads().byReferralId("ref-1").orElseThrow();
        assertThat(lead.leadId().toString()).isEqualTo(leadId);
        assertThat(lead.columns())
                .containsEntry("subject", "Contoso wants Copilot now")
                .containsEntry("lastname", "Yılmaz")
                .containsEntry("companyname", "Contoso")
                .containsEntry("_ownerid_value", sim.applicationUserId().toString());
        assertThat(lead.createdByApi()).isTrue();
        assertThat(lead.apiUpdates()).isEqualTo(2);
        assertThat(lead.apiWrites()).hasSize(3);
        assertThat(lead.columnsWrittenByApi()).containsExactly("subject", "lastname", "companyname");
        assertThat(sim.leads().createdCount()).isEqualTo(2);
        assertThat(sim.leads().updatedCount()).isEqualTo(2);
    }

    @Test
    void ifMatchStarUpdatesOnlyAndIfNoneMatchStarCreatesOnly() {
        Http.Response missing = api.upsert("ref-9", "{\"subject\":\"x\"}", "If-Match", "*");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(sim.leads().size()).isZero();

        assertThat(api.upsert("ref-9", "{\"subject\":\"x\"}", "If-None-Match", "*")
                        .status())
                .isEqualTo(204);
        Http.Response exists = api.upsert("ref-9", "{\"subject\":\"y\"}", "If-None-Match", "*");
        assertThat(exists.status()).isEqualTo(412);
        assertThat(exists.json().path("error").path("message").asText())
                .isEqualTo("A record with matching key values already exists.");
        assertThat(api.upsert("ref-9", "{\"subject\":\"z\"}", "If-Match", "*").status())
                .isEqualTo(204);

        String etag = sim.leads().byReferralId("ref-9").orElseThrow().etag();
        assertThat(api.upsert("ref-9", "{\"subject\":\"w\"}", "If-Match", "W/\"1\"")
                        .status())
                .isEqualTo(412);
        assertThat(api.upsert("ref-9", "{\"subject\":\"w\"}", "If-Match", etag).status())
                .isEqualTo(204);
        assertThat(sim.leads().byReferralId("ref-9").orElseThrow().column("subject"))
                .isEqualTo("w");
    }

    @Test
    void bodyErrors() {
        Http.Response key = api.upsert("ref-3", "{\"hnt_partnercenterreferralid\":\"ref-3\",\"subject\":\"x\"}");
        Http.Response unknown = api.upsert("ref-3", "{\"subjet\":\"typo\"}");
        Http.Response tooLong = api.upsert("ref-3", "{\"subject\":\"" + "x".repeat(301) + "\"}");
        Http.Response wrongType = api.upsert("ref-3", "{\"leadsourcecode\":\"Partner\"}");
        Http.Response badChoice = api.upsert("ref-3", "{\"leadsourcecode\":11}");

        assertThat(key.status()).isEqualTo(400);
        assertThat(key.json().path("error").path("message").asText()).contains("alternate key");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error").path("code").asText()).isEqualTo("0x80060888");
        assertThat(unknown.json().path("error").path("message").asText())
                .isEqualTo("Could not find a property named 'subjet' on type 'Microsoft.Dynamics.CRM.lead'.");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("error").path("code").asText()).isEqualTo("0x80044331");
        assertThat(tooLong.json().path("error").path("message").asText())
                .isEqualTo("A validation error occurred."
                        + "  The length of the 'subject' attribute of the 'lead' entity exceeded the maximum "
                        + "allowed length"
                        + " of '300'.");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(badChoice.json().path("error").path("code").asText()).isEqualTo("0x80044331");
        assertThat(sim.leads().size()).isZero();
        assertThat(api.upsert(
                                "ref-3",
                                "{\"subject\":\"" + "x".repeat(300) + "\",\"description\":\"" + "d".repeat(2000)
                                        + "\",\"leadsourcecode\":4}")
                        .status())
                .isEqualTo(204);
    }

    @Test
    void currencyIsBoundByGuidAndMoneyGetsItsBaseValue() {
        String bind = "/transactioncurrencies(" + sim.currencyId("EUR") + ")";

        Http.Response ok =
                api.upsert("ref-4", "{\"budgetamount\":920.005,\"transactioncurrencyid@odata.bind\":\"" + bind + "\"}");
        Http.Response unknownRow = api.upsert(
                "ref-5",
                "{\"transactioncurrencyid@odata.bind\":\"/transactioncurrencies(" + UUID.randomUUID() + ")\"}");
        Http.Response wrongSet =
                api.upsert("ref-5", "{\"transactioncurrencyid@odata.bind\":\"/accounts(" + UUID.randomUUID() + ")\"}");
        Http.Response direct =
                api.upsert("ref-5", "{\"_transactioncurrencyid_value\":\"" + sim.currencyId("EUR") + "\"}");

        assertThat(ok.status()).isEqualTo(204);
        DataverseLead lead = sim.leads().byReferralId("ref-4").orElseThrow();
        assertThat(lead.column("_transactioncurrencyid_value"))
                .isEqualTo(sim.currencyId("EUR").toString());
        assertThat(lead.column("budgetamount")).isEqualTo(new BigDecimal("920.01"));
        assertThat(lead.column("budgetamount_base")).isEqualTo(new BigDecimal("1000.01"));
        assertThat(lead.apiWrites().getFirst()).containsEntry("transactioncurrencyid@odata.bind", bind);
        assertThat(unknownRow.status()).isEqualTo(404);
        assertThat(wrongSet.status()).isEqualTo(400);
        assertThat(direct.status()).isEqualTo(400);
        assertThat(sim.leads().byReferralId("ref-5")).isEmpty();
    }

    @Test
    void readsByIdByKeyAndByFilter() {
        api.upsert("ref-6", "{\"subject\":\"six\",\"firstname\":\"Ayşe\",\"lastname\":\"Demir\"}");
        UUID id = sim.leads().byReferralId("ref-6").orElseThrow().leadId();

        Http.Response byId = api.get("leads(" + id + ")?$select=subject,fullname");
        Http.Response byKey = api.get(api.keyPath("ref-6"));
        Http.Response byFilter = api.get("leads?$select=leadid&$filter=hnt_partnercenterreferralid eq 'ref-6'");

        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().path("subject").asText()).isEqualTo("six");
        assertThat(byId.json().path("fullname").asText()).isEqualTo("Ayşe Demir");
        assertThat(byId.json().path("leadid").asText()).isEqualTo(id.toString());
        assertThat(byId.json().has("lastname")).isFalse();
        assertThat(byKey.json().path("statecode").asInt()).isZero();
        assertThat(byKey.json().path("statuscode").asInt()).isEqualTo(1);
        assertThat(byKey.json().has("_transactioncurrencyid_value")).isTrue();
        assertThat(byFilter.json().path("value")).hasSize(1);
        assertThat(byFilter.json().path("value").get(0).path("leadid").asText()).isEqualTo(id.toString());
        assertThat(api.get("leads?$filter=hnt_partnercenterreferralid eq 'nope'")
                        .json()
                        .path("value"))
                .isEmpty();
        assertThat(api.get("leads(" + UUID.randomUUID() + ")").status()).isEqualTo(404);
        assertThat(api.get(api.keyPath("nope"))
                        .json()
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("0x80060891");
        assertThat(api.get("leads?$select=nosuchcolumn").status()).isEqualTo(400);
        assertThat(api.get("leads(" + id + ")", "If-None-Match", byKey.header("ETag"))
                        .status())
                .isEqualTo(304);
    }

    @Test
    void theSalesTeamOwnsTheStateAndAQualifiedLeadIsReadOnly() {
        api.upsert("ref-7", "{\"subject\":\"seven\",\"statecode\":1,\"statuscode\":2}");
        DataverseLead lead = sim.leads().byReferralId("ref-7").orElseThrow();
        // statecode is not valid for create: ignored; statuscode 2 (Contacted) fits Open.
        assertThat(lead.stateCode()).isZero();
        assertThat(lead.statusCode()).isEqualTo(2);

        sim.leads().setState(lead.leadId(), 1, 3);
        Http.Response update = api.upsert("ref-7", "{\"subject\":\"seven again\"}");

        assertThat(update.status()).isEqualTo(400);
        DataverseLead after = sim.leads().byReferralId("ref-7").orElseThrow();
        assertThat(after.stateCode()).isEqualTo(1);
        assertThat(after.column("subject")).isEqualTo("seven");
        // The refused write is not in the log; the sales team's lever never is.
        assertThat(after.apiWrites()).hasSize(1);
        assertThat(after.apiUpdates()).isZero();
        Http.Response mismatch = api.upsert("ref-8", "{\"statuscode\":4}");
        assertThat(mismatch.json().path("error").path("code").asText()).isEqualTo("0x80048408");
        assertThat(mismatch.json().path("error").path("message").asText())
                .isEqualTo("4 is not a valid status code for state code LeadState.Open");
    }

    @Test
    void concurrentUpsertsOfANewKeyCreateOneLead() throws Exception {
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var calls = java.util.stream.IntStream.range(0, 20)
                    .mapToObj(i -> pool.submit(() ->
                            api.upsert("race", "{\"subject\":\"" + i + "\"}").status()))
                    .toList();
            for (var call : calls) {
                assertThat(call.get()).isEqualTo(204);
            }
        }
        assertThat(sim.leads().size()).isEqualTo(1);
        assertThat(sim.leads().createdCount()).isEqualTo(1);
        assertThat(sim.leads().updatedCount()).isEqualTo(19);
    }

    @Test
    void theSameSeedGivesTheSameIds() {
        api.upsert("ref-x", "{}");
        try (DataverseSimulator twin =
                        DataverseSimulator.builder().seed(7).build().start();
                DataverseSimulator other =
                        DataverseSimulator.builder().seed(8).build().start()) {
            new DataverseClient(twin).upsert("ref-x", "{}");
            new DataverseClient(other).upsert("ref-x", "{}");

            UUID id = sim.leads().byReferralId("ref-x").orElseThrow().leadId();
            assertThat(twin.leads().byReferralId("ref-x").orElseThrow().leadId())
                    .isEqualTo(id);
            assertThat(other.leads().byReferralId("ref-x").orElseThrow().leadId())
                    .isNotEqualTo(id);
            assertThat(twin.currencyId("TRY")).isEqualTo(sim.currencyId("TRY"));
            assertThat(twin.applicationUserId()).isEqualTo(sim.applicationUserId());
            assertThat(other.currencyId("TRY")).isNotEqualTo(sim.currencyId("TRY"));
        }
    }
}
