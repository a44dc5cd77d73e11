package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bearer check, WhoAmI, creating the columns and the key, the key's index job, and currencies. */
class DataverseMetadataTest {

    private static final String ATTRIBUTES = "EntityDefinitions(LogicalName='lead')/Attributes";
    private static final String KEYS = "EntityDefinitions(LogicalName='lead')/Keys";

    private DataverseSimulator sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    private DataverseClient start(DataverseSimulatorBuilder b) {
        sim = b.build().start();
        return new DataverseClient(sim);
    }

    @Test
    void noOrUnknownTokenIs401WithAChallenge() {
        start(DataverseSimulator.builder());

        Http.Response none = new DataverseClient(sim, null).get("WhoAmI");
        Http.Response forged = new DataverseClient(sim, "simDV.forged").get("leads");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate"))
                .startsWith("Bearer authorization_uri=" + sim.authority())
                .contains("resource_id=" + sim.orgUrl());
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void whoAmIAnswersTheApplicationUser() {
        DataverseClient api = start(DataverseSimulator.builder());

        Http.Response r = api.get("WhoAmI");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("OData-Version")).isEqualTo("4.0");
        assertThat(r.header("Content-Type")).isEqualTo("application/json; odata.metadata=minimal");
        assertThat(r.json().path("UserId").asText())
                .isEqualTo(sim.applicationUserId().toString());
        assertThat(r.json().path("BusinessUnitId").asText())
                .isEqualTo(sim.businessUnitId().toString());
        assertThat(r.json().path("OrganizationId").asText())
                .isEqualTo(sim.organizationId().toString());
    }

    @Test
    void fromAnEmptyTableCreateTheColumnsAndTheKeyThenPollItToActive() {
        DataverseClient api = start(DataverseSimulator.builder().setup(DataverseSimulatorBuilder.Setup.EMPTY));
        String filter = "?$select=LogicalName&$filter=LogicalName eq 'hnt_partnercenterreferralid'";
        assertThat(api.get(ATTRIBUTES + filter).json().path("value")).isEmpty();
        assertThat(api.upsert("r-1", "{\"subject\":\"x\"}").status()).isEqualTo(400);

        Http.Response column = api.post(
                ATTRIBUTES,
                stringColumn("hnt_PartnerCenterReferralId", 100),
                "MSCRM.SolutionUniqueName",
                "HunterReferrals");
        Http.Response flag = api.post(ATTRIBUTES, """
                {"@odata.type":"Microsoft.Dynamics.CRM.BooleanAttributeMetadata","SchemaName":"hnt_FromPartnerCenter",
                 "AttributeType":"Boolean","DefaultValue":false,"OptionSet":{"TrueOption":{"Value":1},
                 "FalseOption":{"Value":0},"OptionSetType":"Boolean"}}""");

        assertThat(column.status()).isEqualTo(204);
        assertThat(column.header("OData-EntityId"))
                .startsWith(sim.serviceRoot() + "EntityDefinitions(")
                .contains(")/Attributes(");
        assertThat(flag.status()).isEqualTo(204);
        JsonNode found = api.get(ATTRIBUTES + filter).json().path("value");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("LogicalName").asText()).isEqualTo("hnt_partnercenterreferralid");
        assertThat(found.get(0).path("@odata.type").asText())
                .isEqualTo("#Microsoft.Dynamics.CRM.StringAttributeMetadata");
        assertThat(found.get(0).has("MetadataId")).isTrue();
        assertThat(found.get(0).has("AttributeType")).isFalse();
        assertThat(api.get(ATTRIBUTES + "(LogicalName='hnt_frompartnercenter')")
                        .json()
                        .path("AttributeType")
                        .asText())
                .isEqualTo("Boolean");

        Http.Response key = api.post(KEYS, """
                {"SchemaName":"hnt_PartnerCenterReferralIdKey","DisplayName":{"LocalizedLabels":[{"Label":"Referral",
                 "LanguageCode":1033}]},"KeyAttributes":["hnt_partnercenterreferralid"]}""");
        assertThat(key.status()).isEqualTo(204);
        assertThat(key.header("OData-EntityId")).contains(")/Keys(");

        Http.Response pending = api.upsert("r-1", "{\"subject\":\"x\"}");
        assertThat(pending.status()).isEqualTo(400);
        assertThat(pending.json().path("error").path("code").asText()).isEqualTo("0x80060890");

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode k = api.get(KEYS + "?$select=SchemaName,KeyAttributes,EntityKeyIndexStatus")
                    .json()
                    .path("value")
                    .get(0);
            seen.add(k.path("EntityKeyIndexStatus").asText());
            assertThat(k.path("KeyAttributes").get(0).asText()).isEqualTo("hnt_partnercenterreferralid");
        }
        assertThat(seen).containsExactly("Pending", "InProgress", "Active");
        assertThat(api.upsert("r-1", "{\"subject\":\"x\",\"hnt_frompartnercenter\":true}")
                        .status())
                .isEqualTo(204);
        assertThat(sim.leads().byReferralId("r-1").orElseThrow().column("hnt_frompartnercenter"))
                .isEqualTo(true);
    }

    private static String stringColumn(String schemaName, int maxLength) {
        return """
                {"@odata.type":"Microsoft.Dynamics.CRM.StringAttributeMetadata","SchemaName":"%s",
                 "AttributeType":"String","AttributeTypeName":{"Value":"StringType"},"MaxLength":%d,
                 "FormatName":{"Value":"Text"},"RequiredLevel":{"Value":"None"},
                 "DisplayName":{"LocalizedLabels":[{"Label":"Referral id","LanguageCode":1033}]}}""".formatted(schemaName, maxLength);
    }

    @Test
    void columnRules() {
        DataverseClient api = start(DataverseSimulator.builder());

        Http.Response wrongPrefix = api.post(ATTRIBUTES, stringColumn("new_Thing", 50));
        Http.Response existing = api.post(ATTRIBUTES, stringColumn("hnt_PartnerCenterReferralId", 100));
        Http.Response memo = api.post(
                ATTRIBUTES,
                "{\"@odata.type\":\"Microsoft.Dynamics.CRM.MemoAttributeMetadata\",\"SchemaName\":\"hnt_Notes\"}");

        assertThat(wrongPrefix.status()).isEqualTo(400);
        assertThat(wrongPrefix.json().path("error").path("message").asText()).contains("'hnt_'");
        assertThat(existing.status()).isEqualTo(400);
        assertThat(memo.status()).isEqualTo(400);
        assertThat(api.post(KEYS, "{\"SchemaName\":\"hnt_PartnerCenterReferralIdKey\",\"KeyAttributes\":[\"hnt_x\"]}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                KEYS,
                                "{\"SchemaName\":\"hnt_PartnerCenterReferralIdKey\","
                                        + "\"KeyAttributes\":[\"hnt_partnercenterreferralid\"]}")
                        .json()
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("0x80060893");
    }

    @Test
    void theIndexFailsOverDuplicatesAndIsActiveAfterTheDataIsFixed() {
        DataverseClient api = start(DataverseSimulator.builder()
                .setup(DataverseSimulatorBuilder.Setup.COLUMNS)
                .keyIndexPolls(1));
        sim.leads().insert(Map.of("hnt_partnercenterreferralid", "dup", "subject", "typed by hand"));
        var second = sim.leads().insert(Map.of("hnt_partnercenterreferralid", "dup", "subject", "imported"));

        api.post(KEYS, "{\"SchemaName\":\"hnt_RefKey\",\"KeyAttributes\":[\"hnt_partnercenterreferralid\"]}");

        assertThat(api.get(KEYS)
                        .json()
                        .path("value")
                        .get(0)
                        .path("EntityKeyIndexStatus")
                        .asText())
                .isEqualTo("Failed");
        assertThat(api.upsert("dup", "{}").json().path("error").path("code").asText())
                .isEqualTo("0x80060890");

        sim.leads().delete(second);
        sim.metadata().reactivateKeys();

        assertThat(api.get(KEYS)
                        .json()
                        .path("value")
                        .get(0)
                        .path("EntityKeyIndexStatus")
                        .asText())
                .isEqualTo("Active");
        assertThat(sim.metadata().referralKeyStatus()).contains(DataverseKey.Status.Active);
    }

    @Test
    void aTimedIndexJobFollowsTheClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        DataverseClient api = start(DataverseSimulator.builder()
                .clock(clock)
                .setup(DataverseSimulatorBuilder.Setup.COLUMNS)
                .keyIndexDuration(Duration.ofMinutes(4)));
        api.post(KEYS, "{\"SchemaName\":\"hnt_RefKey\",\"KeyAttributes\":[\"hnt_partnercenterreferralid\"]}");

        assertThat(sim.metadata().referralKeyStatus()).contains(DataverseKey.Status.Pending);
        clock.advance(Duration.ofMinutes(2));
        assertThat(sim.metadata().referralKeyStatus()).contains(DataverseKey.Status.InProgress);
        clock.advance(Duration.ofMinutes(2));
        assertThat(sim.metadata().referralKeyStatus()).contains(DataverseKey.Status.Active);
    }

    @Test
    void currenciesAreSeededAndFilterable() {
        DataverseClient api = start(DataverseSimulator.builder().baseCurrency("EUR"));

        JsonNode eur = api.get("transactioncurrencies?$select=transactioncurrencyid,isocurrencycode"
                        + "&$filter=isocurrencycode eq 'EUR'")
                .json()
                .path("value");

        assertThat(eur).hasSize(1);
        assertThat(eur.get(0).path("transactioncurrencyid").asText())
                .isEqualTo(sim.currencyId("EUR").toString());
        assertThat(eur.get(0).has("currencyname")).isFalse();
        assertThat(api.get("transactioncurrencies").json().path("value")).hasSize(4);
        assertThat(api.get("transactioncurrencies(" + sim.currencyId("EUR") + ")")
                        .json()
                        .path("exchangerate")
                        .asInt())
                .isEqualTo(1);
    }
}
