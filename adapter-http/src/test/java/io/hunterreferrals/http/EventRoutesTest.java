package io.hunterreferrals.http;

import static io.hunterreferrals.core.testing.TestReferrals.aReferralOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.notify.DeliveryErrorCode;
import io.hunterreferrals.core.notify.Event;
import io.hunterreferrals.core.notify.EventProblem;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.FieldChange;
import io.hunterreferrals.core.notify.ReferralFacts;
import io.hunterreferrals.core.notify.StoredEvent;
import io.hunterreferrals.core.testing.TestNotifications;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The notification outbox's reads in the API, over core's in-memory outbox, on a real server. */
class EventRoutesTest {

    @Nested
    class WithAnOutbox {

        private final TestOutbox outbox = new TestOutbox();
        private final ApiFixture api = ApiFixture.start(HttpApi.Role.API, b -> b.outbox(outbox.outbox));

        @AfterEach
        void stop() {
            api.close();
        }

        @Test
        void theListShowsEachEventNewestFirstWithEveryChannelsDelivery() {
            StoredEvent created = outbox.created("r-1", TestOutbox.T0);
            StoredEvent changed = outbox.append(
                    Event.aboutReferral(
                            EventType.REFERRAL_STATUS_CHANGED,
                            TestNotifications.facts("r-1", "Contoso Ltd"),
                            List.of(new FieldChange(ReferralFacts.STATUS, "New", "Active"))),
                    TestOutbox.T0.plusSeconds(60));
            StoredEvent failed = outbox.append(
                    Event.failure(
                            EventType.SYNC_FAILED,
                            new EventProblem("sign_in_required", "Run hunter auth login.", Optional.of("req-1"))),
                    TestOutbox.T0.plusSeconds(120));
            outbox.routeTo("email", "teams");
            outbox.deliver("email", created, "250 OK");
            outbox.kill("teams", created, DeliveryErrorCode.UNAUTHORIZED, "Teams said 401: the flow's URL is wrong");

            JsonNode events = list("");

            assertThat(events).hasSize(3);
            assertThat(ids(events))
                    .containsExactly(
                            failed.id().toString(),
                            changed.id().toString(),
                            created.id().toString());
            JsonNode first = events.get(2);
            assertThat(first.get("type").asText()).isEqualTo("referral.created");
            assertThat(first.get("sequence").asLong()).isEqualTo(created.sequence());
            assertThat(first.get("occurred_at").asText()).isEqualTo("2025-05-02T10:00:00Z");
            assertThat(first.get("routed").asBoolean()).isTrue();
            JsonNode referral = first.get("referral");
            assertThat(referral.get("id").asText()).isEqualTo("r-1");
            assertThat(referral.get("type").asText()).isEqualTo("co-sell");
            assertThat(referral.get("status").asText()).isEqualTo("New");
            assertThat(referral.get("substatus").asText()).isEqualTo("Received");
            assertThat(referral.get("domain").asText()).isEqualTo("contoso.com.tr");
            assertThat(referral.get("company_name").asText()).isEqualTo("Contoso Ltd");
            assertThat(referral.get("deal_value").decimalValue()).isEqualByComparingTo("12500.00");
            assertThat(referral.get("currency").asText()).isEqualTo("EUR");
            assertThat(first.get("changes")).isEmpty();
            assertThat(first.get("problem").isNull()).isTrue();
            JsonNode email = first.get("deliveries").get(0);
            assertThat(email.get("channel").asText()).isEqualTo("email");
            assertThat(email.get("state").asText()).isEqualTo("delivered");
            assertThat(email.get("attempts").asInt()).isEqualTo(1);
            assertThat(email.get("delivered_at").asText()).isEqualTo("2025-05-02T10:00:05Z");
            assertThat(email.get("next_attempt_at").isNull()).isTrue();
            assertThat(email.get("last_error").isNull()).isTrue();
            assertThat(email.get("detail").asText()).isEqualTo("250 OK");
            JsonNode teams = first.get("deliveries").get(1);
            assertThat(teams.get("state").asText()).isEqualTo("dead");
            assertThat(teams.get("delivered_at").isNull()).isTrue();
            assertThat(teams.get("last_error").get("code").asText()).isEqualTo("unauthorized");
            assertThat(teams.get("last_error").get("message").asText()).contains("401");
            assertThat(teams.get("last_error").get("request_id").asText()).isEqualTo("ms-req-9");

            JsonNode change = events.get(1).get("changes").get(0);
            assertThat(change.get("field").asText()).isEqualTo("status");
            assertThat(change.get("before").asText()).isEqualTo("New");
            assertThat(change.get("after").asText()).isEqualTo("Active");
            JsonNode pending = events.get(1).get("deliveries").get(0);
            assertThat(pending.get("state").asText()).isEqualTo("pending");
            assertThat(pending.get("next_attempt_at").asText()).isEqualTo("2025-05-02T10:03:00Z");

            JsonNode syncFailed = events.get(0);
            assertThat(syncFailed.get("referral").isNull()).isTrue();
            assertThat(syncFailed.get("problem").get("code").asText()).isEqualTo("sign_in_required");
            assertThat(syncFailed.get("problem").get("message").asText()).isEqualTo("Run hunter auth login.");
            assertThat(syncFailed.get("problem").get("request_id").asText()).isEqualTo("req-1");
        }

        @Test
        void theFiltersNarrowTheListAndTheLimitCapsIt() {
            StoredEvent one = outbox.created("r-1", TestOutbox.T0);
            StoredEvent two = outbox.created("r-2", TestOutbox.T0.plusSeconds(1));
            outbox.append(
                    Event.failure(EventType.SYNC_FAILED, new EventProblem("x", "y", Optional.empty())),
                    TestOutbox.T0.plusSeconds(2));
            outbox.routeTo("email");
            outbox.kill("email", one, DeliveryErrorCode.REJECTED, "550 no such mailbox");
            outbox.deliver("email", two, "250 OK");

            assertThat(ids(list("?referral=r-2"))).containsExactly(two.id().toString());
            assertThat(ids(list("?state=dead"))).containsExactly(one.id().toString());
            assertThat(ids(list("?state=delivered&referral=r-1"))).isEmpty();
            assertThat(list("?type=sync.failed")).hasSize(1);
            assertThat(list("?type=referral.created&limit=1")).hasSize(1);
            assertThat(ids(list("?type=referral.created&limit=1")))
                    .containsExactly(two.id().toString());

            for (int i = 0; i < 60; i++) {
                outbox.created("r-1", TestOutbox.T0.plusSeconds(10 + i));
            }
            assertThat(list("")).as("the default limit").hasSize(50);
            assertThat(list("?limit=500")).hasSize(63);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                ?state=lost               | state
                ?state=DEAD               | state
                ?type=referral.deleted    | referral.created
                ?limit=0                  | between 1 and 500
                ?limit=501                | between 1 and 500
                ?limit=abc                | whole number
                """)
        void badFiltersAre400sThatSayWhatIsAccepted(String query, String message) {
            ApiFixture.Response response = api.get(EventRoutes.EVENTS + query);

            assertThat(response.status()).as(response::toString).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("invalid_parameter");
            assertThat(response.errorMessage()).contains(message);
        }

        @Test
        void anOverlongReferralIsA400() {
            ApiFixture.Response response = api.get(EventRoutes.EVENTS + "?referral=" + "r".repeat(256));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("invalid_parameter");
        }

        @Test
        void oneEventIsFoundByIdAndAnUnknownOrMalformedIdIsAClearError() {
            StoredEvent event = outbox.created("r-1", TestOutbox.T0);

            ApiFixture.Response found = api.get("/api/v1/events/" + event.id());
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.json().get("id").asText()).isEqualTo(event.id().toString());
            assertThat(found.json().get("routed").asBoolean()).isFalse();
            assertThat(found.json().get("deliveries")).isEmpty();

            ApiFixture.Response unknown = api.get("/api/v1/events/" + UUID.randomUUID());
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.errorCode()).isEqualTo("event_not_found");

            for (String bad : List.of("not-a-uuid", "1-2-3-4-5", "retry")) {
                ApiFixture.Response malformed = api.get("/api/v1/events/" + bad);
                assertThat(malformed.status()).as(bad).isEqualTo(400);
                assertThat(malformed.errorCode()).as(bad).isEqualTo("invalid_event_id");
            }
        }

        private JsonNode list(String query) {
            return EventRoutesTest.list(api, query);
        }
    }

    @Nested
    class WithoutAnOutbox {

        private final ApiFixture api = ApiFixture.start()
                .withReferrals(
                        aReferralOf("r-1", "Contoso Ltd", "contoso.com.tr").build());

        @AfterEach
        void stop() {
            api.close();
        }

        @Test
        void theRoutesSayTheServerHasNoneAndTheDetailShowsNull() {
            for (ApiFixture.Response response : List.of(
                    api.get(EventRoutes.EVENTS),
                    api.get("/api/v1/events/" + UUID.randomUUID()),
                    api.post("/api/v1/events/" + UUID.randomUUID() + "/retry", ""),
                    api.post(EventRoutes.RETRY_ALL, ""))) {
                assertThat(response.status()).as(response::toString).isEqualTo(503);
                assertThat(response.errorCode()).isEqualTo("notifications_unavailable");
            }
            JsonNode detail = api.get("/api/v1/partner-center/referrals/r-1").json();
            assertThat(detail.has("notifications")).isTrue();
            assertThat(detail.get("notifications").isNull()).isTrue();
        }
    }

    static JsonNode list(ApiFixture api, String query) {
        ApiFixture.Response response = api.get(EventRoutes.EVENTS + query);
        assertThat(response.status()).as(response::toString).isEqualTo(200);
        return response.json().get("events");
    }

    static List<String> ids(JsonNode events) {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }
}
