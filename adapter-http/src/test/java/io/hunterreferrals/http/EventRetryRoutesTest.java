package io.hunterreferrals.http;

import static io.hunterreferrals.core.testing.TestReferrals.aReferralOf;
import static io.hunterreferrals.http.EventRoutesTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.notify.DeliveryErrorCode;
import io.hunterreferrals.core.notify.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Sending dead deliveries again, and a referral's notifications in its detail, over core's in-memory outbox. */
class EventRetryRoutesTest {

    private final TestOutbox outbox = new TestOutbox();
    private final ApiFixture api = ApiFixture.start(HttpApi.Role.API, b -> b.outbox(outbox.outbox))
            .withReferrals(
                    aReferralOf("r-1", "Contoso Ltd", "contoso.com.tr").build(),
                    aReferralOf("r-2", "Fabrikam GmbH", "fabrikam.de").build());

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void retryMakesAnEventsDeadDeliveriesPendingAgainAndLogsNoPersonalData() {
        StoredEvent event = outbox.created("r-1", TestOutbox.T0);
        StoredEvent other = outbox.created("r-2", TestOutbox.T0.plusSeconds(1));
        outbox.routeTo("email", "teams");
        outbox.deliver("email", event, "250 OK");
        outbox.kill("teams", event, DeliveryErrorCode.GONE, "410 Gone");
        outbox.kill("teams", other, DeliveryErrorCode.NOT_FOUND, "404");
        ListAppender<ILoggingEvent> logs = capture();

        ApiFixture.Response retried = api.post("/api/v1/events/" + event.id() + "/retry", "");

        assertThat(retried.status()).as(retried::toString).isEqualTo(200);
        assertThat(retried.json().get("revived").asInt()).isEqualTo(1);
        JsonNode deliveries = api.get("/api/v1/events/" + event.id()).json().get("deliveries");
        assertThat(deliveries.get(0).get("state").asText())
                .as("delivered stays")
                .isEqualTo("delivered");
        assertThat(deliveries.get(1).get("state").asText()).isEqualTo("pending");
        assertThat(deliveries.get(1).get("attempts").asInt()).isZero();
        assertThat(deliveries.get(1).get("next_attempt_at").isNull()).isFalse();
        assertThat(ids(list("?state=dead"))).containsExactly(other.id().toString());
        assertThat(api.post("/api/v1/events/" + event.id() + "/retry", "")
                        .json()
                        .get("revived")
                        .asInt())
                .as("nothing left to revive")
                .isZero();

        ((Logger) LoggerFactory.getLogger(EventRoutes.class)).detachAppender(logs);
        ILoggingEvent line = logs.list.stream()
                .filter(e -> e.getFormattedMessage().equals("notification_retry_requested"))
                .findFirst()
                .orElseThrow();
        assertThat(line.getKeyValuePairs())
                .extracting(kv -> kv.key + "=" + kv.value)
                .contains("event_id=" + event.id(), "revived=1");
        assertThat(line.getKeyValuePairs().toString()).doesNotContain("Contoso", "contoso");
    }

    @Test
    void retryAllRevivesEveryDeadDelivery() {
        StoredEvent one = outbox.created("r-1", TestOutbox.T0);
        StoredEvent two = outbox.created("r-2", TestOutbox.T0.plusSeconds(1));
        outbox.routeTo("webhook");
        outbox.kill("webhook", one, DeliveryErrorCode.REJECTED, "400");
        outbox.kill("webhook", two, DeliveryErrorCode.REJECTED, "400");

        ApiFixture.Response retried = api.post(EventRoutes.RETRY_ALL, "");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("revived").asInt()).isEqualTo(2);
        assertThat(list("?state=dead")).isEmpty();
        assertThat(list("?state=pending")).hasSize(2);
    }

    @Test
    void retryingAnUnknownOrMalformedEventIsAClearError() {
        ApiFixture.Response unknown = api.post("/api/v1/events/" + UUID.randomUUID() + "/retry", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("event_not_found");

        ApiFixture.Response malformed = api.post("/api/v1/events/nope/retry", "");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("invalid_event_id");
        assertThat(api.send("GET", "/api/v1/events/" + UUID.randomUUID() + "/retry")
                        .status())
                .as("retry is a POST")
                .isEqualTo(405);
    }

    @Test
    void theReferralDetailCarriesItsLatestTwentyEventsInTheSameShape() {
        StoredEvent otherReferral = outbox.created("r-2", TestOutbox.T0);
        List<StoredEvent> own = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            own.add(outbox.created("r-1", TestOutbox.T0.plusSeconds(1 + i)));
        }
        outbox.routeTo("email");

        JsonNode notifications =
                api.get("/api/v1/partner-center/referrals/r-1").json().get("notifications");

        assertThat(notifications).hasSize(EventRoutes.REFERRAL_EVENTS);
        assertThat(notifications.get(0).get("id").asText())
                .isEqualTo(own.getLast().id().toString());
        assertThat(ids(notifications)).doesNotContain(otherReferral.id().toString());
        assertThat(notifications.get(0))
                .isEqualTo(api.get("/api/v1/events/" + own.getLast().id()).json());
        assertThat(api.get("/api/v1/partner-center/referrals/r-2").json().get("notifications"))
                .hasSize(1);
    }

    private JsonNode list(String query) {
        return EventRoutesTest.list(api, query);
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(EventRoutes.class)).addAppender(appender);
        return appender;
    }
}
