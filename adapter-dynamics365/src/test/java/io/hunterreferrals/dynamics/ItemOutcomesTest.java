package io.hunterreferrals.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.LeadWrite;
import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.core.referral.ReferralId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One operation's answer to what the push records: the statuses and codes the simulator does not all produce. */
class ItemOutcomesTest {

    private static final ReferralId ID = ReferralId.of("ref-1");
    private static final String LEAD = "5b4a6c2e-0000-4000-8000-00000000000a";
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final ItemOutcomes outcomes = new ItemOutcomes(new WebApiFailures(
            DataverseConfig.of(
                    URI.create("https://contoso.crm4.dynamics.com"),
                    "t",
                    "c",
                    new DataverseCredential.ClientSecret("s")),
            new LeadColumns("hnt")));

    private static WebApiResponse answer(int status, String body, Map<String, String> headers) {
        return new WebApiResponse(status, headers, body);
    }

    private static WebApiResponse error(int status, String code, String message) {
        return answer(
                status,
                "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}",
                Map.of("REQ_ID", "req-9"));
    }

    private ItemResult of(WebApiResponse r) {
        return outcomes.of(ID, r, NOW);
    }

    @Test
    void createdUpdatedAndA204ThatNamesTheLeadOrNot() {
        assertThat(of(answer(201, "{\"leadid\":\"" + LEAD + "\"}", Map.of())))
                .isEqualTo(new ItemResult.Done(new LeadWrite.Created(ID, LEAD)));
        assertThat(of(answer(200, "{\"leadid\":\"" + LEAD + "\"}", Map.of())))
                .isEqualTo(new ItemResult.Done(new LeadWrite.Updated(ID, LEAD)));
        assertThat(of(answer(204, "", Map.of("OData-EntityId", "https://x/api/data/v9.2/leads(" + LEAD + ")"))))
                .isEqualTo(new ItemResult.Done(new LeadWrite.Updated(ID, LEAD)));
        assertThat(of(answer(204, "", Map.of("OData-EntityId", "https://x/api/data/v9.2/leads(hnt_k='" + LEAD + "')"))))
                .isInstanceOf(ItemResult.NeedsLeadId.class);
    }

    @Test
    void refusalsGetShortStableCodes() {
        assertThat(rejected(error(400, "0x80044331", "A validation error occurred.")))
                .isEqualTo("invalid_value");
        assertThat(rejected(error(500, "0x80040333", "A duplicate exists."))).isEqualTo("duplicate_detected");
        assertThat(rejected(error(412, "0x80040237", "SQL integrity violation")))
                .isEqualTo("duplicate_record");
        assertThat(rejected(error(400, "", "The lead is disqualified and cannot be updated until it is reactivated.")))
                .isEqualTo("lead_read_only");
        assertThat(rejected(error(400, "0x80048408", "5 is not a valid status code")))
                .isEqualTo("invalid_status");
        assertThat(rejected(error(500, "0x80040265", "A plug-in said no."))).isEqualTo("0x80040265");
        assertThat(rejected(error(404, "", "transactioncurrency With Id = x Does Not Exist")))
                .isEqualTo("not_found");
        assertThat(rejected(answer(400, "<html/>", Map.of()))).isEqualTo("invalid_value");
        assertThat(of(error(400, "0x80044331", "too long")))
                .isInstanceOfSatisfying(
                        ItemResult.Done.class,
                        d -> assertThat(((LeadWrite.Rejected) d.write()).requestId())
                                .contains("req-9"));
    }

    @Test
    void throttlingOutagesAndAKeyRaceAreRetried() {
        assertThat(of(answer(429, "{}", Map.of("Retry-After", "3"))))
                .isEqualTo(new ItemResult.Retry(
                        answer(429, "{}", Map.of("Retry-After", "3")), true, Optional.of(Duration.ofSeconds(3))));
        assertThat(of(error(503, "", "unavailable"))).isInstanceOf(ItemResult.Retry.class);
        assertThat(of(error(412, "0x80060892", "Entity Key violated"))).isInstanceOf(ItemResult.Retry.class);
    }

    @Test
    void answersThatMeanNoLeadCanBeWrittenAreThrown() {
        assertThatThrownBy(() -> of(error(403, "0x80072560", "The user is not a member of the organization.")))
                .isInstanceOfSatisfying(
                        LeadDestinationException.class,
                        e -> assertThat(e.code()).isEqualTo(PushErrorCode.APPLICATION_USER_MISSING));
        assertThatThrownBy(() -> of(error(400, "0x80060890", "The specified key attributes are not a defined key")))
                .isInstanceOfSatisfying(
                        LeadDestinationException.class,
                        e -> assertThat(e.code()).isEqualTo(PushErrorCode.SETUP_REQUIRED));
        assertThatThrownBy(() -> of(error(400, "0x80060888", "Could not find a property named 'hnt_referraltype'")))
                .isInstanceOfSatisfying(LeadDestinationException.class, e -> {
                    assertThat(e.code()).isEqualTo(PushErrorCode.SETUP_REQUIRED);
                    assertThat(e.getMessage()).contains("hnt_referraltype").contains("request id req-9");
                });
    }

    private String rejected(WebApiResponse r) {
        ItemResult result = of(r);
        assertThat(result).isInstanceOf(ItemResult.Done.class);
        return ((LeadWrite.Rejected) ((ItemResult.Done) result).write()).code();
    }
}
