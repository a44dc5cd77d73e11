package io.hunterreferrals.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.notify.DeliveryErrorCode;
import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.DeliveryResult;
import io.hunterreferrals.core.notify.Event;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.Notification;
import io.hunterreferrals.core.notify.NotificationText.Language;
import io.hunterreferrals.core.testing.TestNotifications;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TeamsWorkflowChannelTest {

    private final TestReceiver receiver = new TestReceiver();
    private final List<TeamsWorkflowChannel> channels = new ArrayList<>();

    @AfterEach
    void stop() {
        channels.forEach(TeamsWorkflowChannel::close);
        receiver.close();
    }

    private TeamsWorkflowChannel channel(Language language) {
        TeamsWorkflowChannel channel = new TeamsWorkflowChannel(new TeamsWorkflowConfig(
                receiver.url("/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=S1G"), language));
        channels.add(channel);
        return channel;
    }

    private JsonNode post(Language language, Notification notification) {
        receiver.answer(202, "");
        assertThat(channel(language).deliver(List.of(notification)))
                .isEqualTo(new DeliveryResult.Delivered("HTTP 202"));
        return JsonTexts.parse(receiver.received().getLast().body());
    }

    private static List<String> texts(JsonNode card, String type) {
        return StreamSupport.stream(card.path("body").spliterator(), false)
                .filter(n -> n.path("type").asText().equals(type))
                .map(n -> n.path("text").asText())
                .toList();
    }

    @Test
    void aNotificationIsAnAdaptiveCardMessageWithFactsAndTwoLinks() {
        JsonNode message = post(Language.EN, TestNotifications.created("ref-1"));

        assertThat(message.path("type").asText()).isEqualTo("message");
        JsonNode attachment = message.path("attachments").path(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.4");
        assertThat(texts(card, "TextBlock").getFirst()).isEqualTo("New co-sell referral: Contoso Ltd");
        JsonNode facts = card.path("body").path(1).path("facts");
        assertThat(facts.findValuesAsText("title")).contains("Type", "Status", "Deal value", "Company", "When");
        assertThat(facts.findValuesAsText("value")).contains("New", "12,500.00 EUR", "2 May 2025 10:15 UTC");
        JsonNode actions = card.path("actions");
        assertThat(actions.findValuesAsText("type")).containsOnly("Action.OpenUrl");
        assertThat(actions.findValuesAsText("title")).containsExactly("Open in Hunter", "Open in Partner Center");
        assertThat(actions.path(0).path("url").asText())
                .isEqualTo("https://hunter.example.com/mini-ui/?tab=inbox&referral=ref-1");
        assertThat(actions.path(1).path("url").asText()).startsWith("https://").contains("ref-1");
    }

    @Test
    void theCardSpeaksTurkishWhenToldTo() {
        JsonNode card = post(Language.TR, TestNotifications.statusChanged("ref-2"))
                .path("attachments")
                .path(0)
                .path("content");

        assertThat(texts(card, "TextBlock").getFirst()).isEqualTo("Co-sell referral durumu değişti: Contoso Ltd");
        assertThat(texts(card, "TextBlock")).contains("Değişenler");
        assertThat(card.findValuesAsText("title")).contains("Durum", "Fırsat değeri", "Hunter'da aç");
        assertThat(card.findValuesAsText("value")).contains("12.500,00 EUR", "New → Active");
    }

    @Test
    void aTestMessageSaysSo() {
        JsonNode card = post(
                        Language.EN,
                        TestNotifications.notification(
                                new Event(EventType.TEST, Optional.empty(), List.of(), Optional.empty())))
                .path("attachments")
                .path(0)
                .path("content");

        assertThat(texts(card, "TextBlock")).contains("Hunter Referrals test message");
        assertThat(String.join(" ", texts(card, "TextBlock"))).contains("notifications reach this channel");
        assertThat(card.has("actions")).isFalse();
    }

    @Test
    void aHostileNameCannotMakeALinkEmphasisOrTagInTheCard() {
        JsonNode message = post(Language.EN, TestNotifications.created("ref-3", TestNotifications.HOSTILE_NAME));

        for (String text : JsonTexts.strings(
                message.path("attachments").path(0).path("content").path("body"))) {
            // every Markdown character a value brings is preceded by a backslash
            assertThat(text).doesNotContainPattern("(?<!\\\\)[<>\\[\\]()*_]");
        }
        String title = texts(message.path("attachments").path(0).path("content"), "TextBlock")
                .getFirst();
        assertThat(title).contains("\\[click\\]\\(https://evil.example\\)", "\\<script\\>", "\\*\\*bold\\*\\*");
        // no value reaches a URL: the buttons carry exactly the two links core built
        assertThat(message.findValuesAsText("url"))
                .hasSize(2)
                .allSatisfy(url -> assertThat(url).doesNotContain("evil"));
    }

    @Test
    void aDeletedFlowIsNotFoundWithPowerAutomatesCodeAndRequestId() {
        receiver.answer(TestReceiver.Reply.of(404, "{\"error\":{\"code\":\"WorkflowNotFound\",\"message\":\"x\"}}")
                .with("x-ms-request-id", "ms-req-42"));

        DeliveryResult result = channel(Language.EN).deliver(List.of(TestNotifications.created("ref-4")));

        DeliveryFailure failure = ((DeliveryResult.Failed) result).failure();
        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.NOT_FOUND);
        assertThat(failure.message())
                .startsWith("Teams (http://127.0.0.1:")
                .contains("answered 404 WorkflowNotFound")
                .contains("HUNTER_NOTIFY_TEAMS_WEBHOOK_URL")
                .doesNotContain("S1G", "workflows/abc");
        assertThat(failure.requestId()).contains("ms-req-42");
    }

    @Test
    void throttlingWaitsAsAsked() {
        receiver.answer(TestReceiver.Reply.of(429, "").with("Retry-After", "30"));

        DeliveryFailure failure = ((DeliveryResult.Failed)
                        channel(Language.EN).deliver(List.of(TestNotifications.created("ref-5"))))
                .failure();

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.THROTTLED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void theTargetShowsTheOriginOnly() {
        TeamsWorkflowChannel channel = channel(Language.EN);

        assertThat(channel.name()).isEqualTo("teams");
        assertThat(channel.target()).startsWith("http://127.0.0.1:").doesNotContain("sig", "S1G", "workflows");
        assertThat(channel.targetKey()).matches("[0-9a-f]{64}");
        assertThat(channel.digest()).isEmpty();
    }
}
