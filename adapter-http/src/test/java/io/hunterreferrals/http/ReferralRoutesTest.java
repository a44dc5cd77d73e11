package io.hunterreferrals.http;

import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static io.hunterreferrals.core.testing.TestReferrals.aReferralOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.referral.CustomerProfile;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferralRoutesTest {

    private static final String BASE = "/api/v1/partner-center/referrals";

    private final ApiFixture api = ApiFixture.start();

    @BeforeEach
    void storeReferrals() {
        api.withReferrals(
                aReferralOf("r-1", "Contoso Ltd", "contoso.com.tr")
                        .raw("{\"id\":\"r-1\",\"details\":{\"dealValue\":30000}}")
                        .build(),
                aReferral("r-2")
                        .customer(new CustomerProfile("Ayşe Yılmaz", "TR", null, List.of("ayse@gmail.com"), List.of()))
                        .build(),
                aReferralOf("r-3", "Fabrikam GmbH", "fabrikam.de")
                        .status("Active")
                        .build());
        api.companies.findOrCreate(
                List.of(new CompanyCandidate(Domain.of("northwind.com.tr"), "Northwind", CompanySource.IMPORT)));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theInboxListsReferralsWithSnakeCaseFieldsAndPaging() {
        JsonNode inbox = api.get(BASE).json();

        assertThat(inbox.get("total").asInt()).isEqualTo(3);
        assertThat(inbox.get("total_exact").asBoolean()).isTrue();
        assertThat(inbox.get("page").asInt()).isEqualTo(1);
        assertThat(inbox.get("page_size").asInt()).isEqualTo(50);
        JsonNode contoso = find(inbox.get("referrals"), "r-1");
        assertThat(contoso.get("company_name").asText()).isEqualTo("Contoso Ltd");
        assertThat(contoso.get("domain").asText()).isEqualTo("contoso.com.tr");
        assertThat(contoso.get("link_status").asText()).isEqualTo("auto_linked");
        assertThat(contoso.get("linked_lead_domain").asText()).isEqualTo("contoso.com.tr");
        assertThat(contoso.get("deal_value").decimalValue()).isEqualByComparingTo("30000.00");
        assertThat(contoso.get("currency").asText()).isEqualTo("EUR");
        assertThat(contoso.get("synced_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(contoso.has("raw")).isFalse();
        JsonNode ayse = find(inbox.get("referrals"), "r-2");
        assertThat(ayse.get("domain").isNull()).isTrue();
        assertThat(ayse.get("link_status").asText()).isEqualTo("unlinked");

        JsonNode second = api.get(BASE + "?page=2&page_size=2").json();
        assertThat(second.get("referrals")).hasSize(1);
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("total").asInt()).isEqualTo(3);
    }

    @Test
    void theInboxFiltersByLinkStatusTypeStatusAndSearch() {
        assertThat(ids(api.get(BASE + "?link_status=unlinked"))).containsExactly("r-2");
        assertThat(ids(api.get(BASE + "?status=active"))).containsExactly("r-3");
        assertThat(ids(api.get(BASE + "?search=FABRIKAM"))).containsExactly("r-3");
        api.withReferrals(aReferralOf("r-4", "Litware", "litware.com.tr")
                .type("SomethingNew")
                .build());
        assertThat(ids(api.get(BASE + "?referral_type=co-sell"))).containsExactlyInAnyOrder("r-1", "r-2", "r-3");
        assertThat(ids(api.get(BASE + "?referral_type=unclassified"))).containsExactly("r-4");
        assertThat(api.get(BASE + "/r-4").json().get("referral_type").isNull()).isTrue();
        assertThat(api.get(BASE + "?sort=company_asc").status()).isEqualTo(200);
        assertThat(api.get(BASE + "/inbox?link_status=unlinked")
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void unknownFilterValuesAreRefusedListingTheAcceptedOnes() {
        ApiFixture.Response linkStatus = api.get(BASE + "?link_status=linked");
        assertThat(linkStatus.status()).isEqualTo(400);
        assertThat(linkStatus.errorMessage())
                .contains("link_status", "unlinked", "auto_linked", "manual_linked", "manual_unlinked");

        ApiFixture.Response type = api.get(BASE + "?referral_type=cosell");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.errorMessage()).contains("co-sell", "marketplace", "solution-provider", "unclassified");

        ApiFixture.Response sort = api.get(BASE + "?sort=random");
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.errorMessage()).contains("synced_desc", "deal_value_desc");
    }

    @Test
    void pagingOutOfRangeIsA400() {
        for (String query : List.of("page_size=0", "page_size=201", "page=0", "page=abc", "page_size=1.5")) {
            ApiFixture.Response response = api.get(BASE + "?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("invalid_parameter");
        }
        assertThat(api.get(BASE + "?page_size=200").status()).isEqualTo(200);
        assertThat(api.get(BASE + "?search=" + "x".repeat(201)).status()).isEqualTo(400);
    }

    @Test
    void theDetailHasEverythingAndTheRawPayloadAsJsonWhenAskedFor() {
        JsonNode plain = api.get(BASE + "/r-1").json();
        assertThat(plain.get("referral_id").asText()).isEqualTo("r-1");
        assertThat(plain.get("engagement_id").asText()).isEqualTo("eng-r-1");
        assertThat(plain.get("qualification").asText()).isEqualTo("SalesQualified");
        assertThat(plain.get("first_seen_at").asText()).isNotEmpty();
        assertThat(plain.has("raw")).isFalse();

        JsonNode withRaw = api.get(BASE + "/r-1?include_raw=true").json();
        assertThat(withRaw.get("raw").isObject()).isTrue();
        assertThat(withRaw.get("raw").get("details").get("dealValue").asInt()).isEqualTo(30000);
    }

    @Test
    void anUnknownReferralIs404AndABadFlagIs400() {
        ApiFixture.Response missing = api.get(BASE + "/r-404");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("referral_not_found");

        assertThat(api.get(BASE + "/r-1?include_raw=maybe").status()).isEqualTo(400);
    }

    @Test
    void linkingToAnExistingLeadInAnyFormRecordsTheOperatorsDecision() {
        ApiFixture.Response response =
                api.post(BASE + "/r-2/link", "{\"lead_domain\": \"https://www.Northwind.com.tr/about\"}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("status").asText()).isEqualTo("linked");
        assertThat(json.get("referral_id").asText()).isEqualTo("r-2");
        assertThat(json.get("domain").asText()).isEqualTo("northwind.com.tr");
        assertThat(json.get("link_status").asText()).isEqualTo("manual_linked");
        assertThat(json.get("lead_id").asLong()).isPositive();
        assertThat(api.store.row("r-2").orElseThrow().linkStatus()).isEqualTo(LinkStatus.MANUAL_LINKED);
    }

    @Test
    void linkingRefusesUnusableDomainsWithTheReason() {
        ApiFixture.Response consumer = api.post(BASE + "/r-2/link", "{\"lead_domain\": \"someone@gmail.com\"}");
        assertThat(consumer.status()).isEqualTo(400);
        assertThat(consumer.errorCode()).isEqualTo("invalid_domain");
        assertThat(consumer.json().get("error").get("reason").asText()).isEqualTo("consumer_mailbox");
        assertThat(consumer.errorMessage()).contains("consumer mailbox");

        ApiFixture.Response malformed = api.post(BASE + "/r-2/link", "{\"lead_domain\": \"not a domain\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("invalid_domain");

        ApiFixture.Response missing = api.post(BASE + "/r-2/link", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("missing_field");
    }

    @Test
    void linkingToAnUnknownLeadOrReferralIs404() {
        ApiFixture.Response noLead = api.post(BASE + "/r-2/link", "{\"lead_domain\": \"unknown-company.de\"}");
        assertThat(noLead.status()).isEqualTo(404);
        assertThat(noLead.errorCode()).isEqualTo("lead_not_found");
        assertThat(noLead.errorMessage()).contains("unknown-company.de");

        ApiFixture.Response noReferral = api.post(BASE + "/r-404/link", "{\"lead_domain\": \"northwind.com.tr\"}");
        assertThat(noReferral.status()).isEqualTo(404);
        assertThat(noReferral.errorCode()).isEqualTo("referral_not_found");
    }

    @Test
    void unlinkingKeepsTheReferralUnlinked() {
        ApiFixture.Response response = api.post(BASE + "/r-1/unlink", "application/json", new byte[0]);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("unlinked");
        assertThat(response.json().get("link_status").asText()).isEqualTo("manual_unlinked");
        assertThat(api.store.row("r-1").orElseThrow().linkStatus()).isEqualTo(LinkStatus.MANUAL_UNLINKED);
        assertThat(api.post(BASE + "/r-404/unlink", "{}").status()).isEqualTo(404);
    }

    @Test
    void createLeadMakesALeadFromTheReferralsDomainWithTheOverrideName() {
        api.post(BASE + "/r-1/unlink", "{}");
        api.companies.all();

        ApiFixture.Response response = api.post(
                BASE + "/r-3/create-lead",
                "{\"company_name_override\": \"Fabrikam Türkiye\", \"notes\": \"from the inbox\"}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("domain").asText()).isEqualTo("fabrikam.de");
        assertThat(json.get("link_status").asText()).isEqualTo("manual_linked");
        assertThat(json.get("status").asText()).isIn("created", "linked");
        assertThat(json.get("lead_created").asBoolean())
                .isEqualTo(json.get("status").asText().equals("created"));
    }

    @Test
    void createLeadWithoutBodyWorksAndCreatesWhenTheLeadIsNew() {
        api.withReferrals(aReferralOf("r-9", "Tailspin", "tailspin.com.tr").build());
        api.post(BASE + "/r-9/unlink", "{}");
        ApiFixture.Response response = api.post(BASE + "/r-9/create-lead", "application/json", new byte[0]);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("domain").asText()).isEqualTo("tailspin.com.tr");
    }

    @Test
    void createLeadForAReferralWithoutDomainIsAnActionable400() {
        ApiFixture.Response response = api.post(BASE + "/r-2/create-lead", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("referral_has_no_domain");
        assertThat(response.errorMessage()).contains("/api/v1/partner-center/referrals/r-2/link", "lead_domain");
        assertThat(api.post(BASE + "/r-404/create-lead", "{}").status()).isEqualTo(404);
        assertThat(api.post(BASE + "/r-1/create-lead", "{\"notes\": \"" + "n".repeat(2001) + "\"}")
                        .status())
                .isEqualTo(400);
    }

    private static JsonNode find(JsonNode referrals, String id) {
        for (JsonNode referral : referrals) {
            if (referral.get("referral_id").asText().equals(id)) {
                return referral;
            }
        }
        throw new AssertionError("no referral " + id + " in " + referrals);
    }

    private static List<String> ids(ApiFixture.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        response.json()
                .get("referrals")
                .forEach(r -> ids.add(r.get("referral_id").asText()));
        return ids;
    }

    @Test
    void statsCountTheStoredReferralsByTypeAndStatusWithUnclassifiedNamed() {
        JsonNode stats = api.get(BASE + "/stats").json();

        assertThat(stats.get("total").asInt()).isEqualTo(3);
        long counted = 0;
        for (JsonNode count : stats.get("counts")) {
            assertThat(count.get("referral_type").asText())
                    .isIn("co-sell", "marketplace", "solution-provider", "unclassified");
            counted += count.get("count").asLong();
        }
        assertThat(counted).isEqualTo(3);
        assertThat(stats.get("counts")).anySatisfy(count -> {
            assertThat(count.get("status").asText()).isEqualTo("Active");
            assertThat(count.get("count").asInt()).isEqualTo(1);
        });
    }

    @Test
    void theDetailNamesTheLastLinkChangeOrNullWhenTheStoreKeepsNone() {
        JsonNode detail = api.get(BASE + "/r-1").json();
        assertThat(detail.has("linked_at")).isTrue();
        assertThat(detail.has("link_changed_by")).isTrue();
    }
}
