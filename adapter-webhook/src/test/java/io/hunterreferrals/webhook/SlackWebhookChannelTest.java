package io.hunterreferrals.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.notify.DeliveryErrorCode;
import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.DeliveryResult;
import io.hunterreferrals.core.notify.Notification;
import io.hunterreferrals.core.notify.NotificationText.Language;
import io.hunterreferrals.core.testing.TestNotifications;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackWebhookChannelTest {

    private final TestReceiver receiver = new TestReceiver();
    private final List<SlackWebhookChannel> channels = new ArrayList<>();

    @AfterEach
    void stop() {
        channels.forEach(SlackWebhookChannel::close);
        receiver.close();
    }

    private SlackWebhookChannel channel(Language language) {
        SlackWebhookChannel channel = new SlackWebhookChannel(
                new SlackWebhookConfig(receiver.url("/services/T000/B000/XXXXSECRETXXXX"), language));
        channels.add(channel);
        return channel;
    }

    private JsonNode post(Language language, Notification notification) {
        receiver.answer(200, "ok");
        assertThat(channel(language).deliver(List.of(notification)))
                .isEqualTo(new DeliveryResult.Delivered("HTTP 200"));
        return JsonTexts.parse(receiver.received().getLast().body());
    }

    private static DeliveryFailure failure(DeliveryResult result) {
        DeliveryFailure failure = ((DeliveryResult.Failed) result).failure();
        assertThat(failure.message()).doesNotContain("XXXXSECRETXXXX", "services/");
        return failure;
    }

    @Test
    void aNotificationIsBlockKitWithAFallbackTextFieldsAndButtons() {
        JsonNode message = post(Language.EN, TestNotifications.statusChanged("ref-1"));

        assertThat(message.path("text").asText()).isEqualTo("Co-sell referral status changed: Contoso Ltd");
        JsonNode blocks = message.path("blocks");
        assertThat(blocks.findValuesAsText("type")).contains("header", "section", "actions", "context");
        assertThat(blocks.path(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(blocks.path(0).path("text").path("text").asText())
                .isEqualTo("Co-sell referral status changed: Contoso Ltd");
        List<String> fields = blocks.path(1).path("fields").findValuesAsText("text");
        assertThat(fields).contains("*Status:*\nNew", "*Deal value:*\n12,500.00 EUR", "*When:*\n2 May 2025 10:15 UTC");
        assertThat(blocks.path(2).path("text").path("text").asText())
                .isEqualTo("*What changed*\n• *Status:* New → Active");
        JsonNode buttons = blocks.path(3).path("elements");
        assertThat(buttons.findValuesAsText("url"))
                .containsExactly(
                        "https://hunter.example.com/mini-ui/?tab=inbox&referral=ref-1",
                        TestNotifications.statusChanged("ref-1")
                                .partnerCenterUrl()
                                .orElseThrow());
        assertThat(buttons.path(0).path("text").path("text").asText()).isEqualTo("Open in Hunter");
        assertThat(blocks.path(4).path("elements").path(0).path("text").asText())
                .contains("Event id: ");
    }

    @Test
    void theMessageSpeaksTurkishWhenToldTo() {
        JsonNode message = post(Language.TR, TestNotifications.created("ref-2"));

        assertThat(message.path("text").asText()).isEqualTo("Yeni co-sell referral: Contoso Ltd");
        assertThat(message.path("blocks").path(1).path("fields").findValuesAsText("text"))
                .contains("*Durum:*\nNew", "*Fırsat değeri:*\n12.500,00 EUR");
        assertThat(JsonTexts.strings(message)).contains("Hunter'da aç", "Partner Center'da aç");
    }

    @Test
    void aHostileNameCannotMakeALinkOrAMention() {
        JsonNode message = post(Language.EN, TestNotifications.created("ref-3", TestNotifications.HOSTILE_NAME));

        List<String> mrkdwn = new ArrayList<>(List.of(message.path("text").asText()));
        message.findParents("type").stream()
                .filter(n -> n.path("type").asText().equals("mrkdwn"))
                .forEach(n -> mrkdwn.add(n.path("text").asText()));
        assertThat(mrkdwn).hasSizeGreaterThan(5);
        for (String text : mrkdwn) {
            assertThat(text).doesNotContain("<", ">");
            assertThat(text.replace("&amp;", "").replace("&lt;", "").replace("&gt;", ""))
                    .doesNotContain("&");
        }
        assertThat(message.path("text").asText()).contains("&lt;!channel&gt;", "&lt;script&gt;", "&amp; _it_");
        // plain_text is never parsed by Slack: the header shows the name as it is
        assertThat(message.path("blocks").path(0).path("text").path("type").asText())
                .isEqualTo("plain_text");
        assertThat(message.findValuesAsText("url"))
                .allSatisfy(url -> assertThat(url).doesNotContain("evil"));
    }

    @ParameterizedTest
    @CsvSource({
        "404, no_service, NOT_FOUND, 'Slack answered 404 no_service: the incoming webhook was removed; create a new one"
                + " and set HUNTER_NOTIFY_SLACK_WEBHOOK_URL'",
        "404, channel_not_found, NOT_FOUND, 'the webhook''s channel was deleted'",
        "410, channel_is_archived, GONE, 'channel is archived'",
        "403, invalid_token, UNAUTHORIZED, 'token is no longer valid'",
        "403, action_prohibited, UNAUTHORIZED, 'workspace admin'",
        "400, invalid_payload, REJECTED, 'will not help'",
        "400, something_new, REJECTED, 'answered 400 something_new: it refuses this message'",
        "500, rollup_error, SERVER_ERROR, 'sent again later'"
    })
    void slacksErrorCodesGetTheirOwnAdvice(int status, String body, DeliveryErrorCode code, String advice) {
        receiver.answer(TestReceiver.Reply.of(status, body).with("x-slack-req-id", "slack-req-7"));

        DeliveryFailure failure = failure(channel(Language.EN).deliver(List.of(TestNotifications.created("ref-4"))));

        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.message().replaceFirst("^Slack \\(http://127\\.0\\.0\\.1:\\d+/…\\)", "Slack"))
                .contains(advice);
        assertThat(failure.requestId()).contains("slack-req-7");
    }

    @Test
    void aBodyThatIsNoSlackCodeIsNotQuoted() {
        receiver.answer(404, "<html>not found: secret stuff</html>");

        DeliveryFailure failure = failure(channel(Language.EN).deliver(List.of(TestNotifications.created("ref-5"))));

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.NOT_FOUND);
        assertThat(failure.message()).doesNotContain("html", "secret stuff");
    }

    @Test
    void slacksRateLimitWaitsAsAsked() {
        receiver.answer(TestReceiver.Reply.of(429, "rate_limited").with("Retry-After", "1"));

        DeliveryFailure failure = failure(channel(Language.EN).deliver(List.of(TestNotifications.created("ref-6"))));

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.THROTTLED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(1));
    }

    @Test
    void theTargetShowsTheOriginOnly() {
        SlackWebhookChannel channel = channel(Language.EN);

        assertThat(channel.name()).isEqualTo("slack");
        assertThat(channel.target()).endsWith("/…").doesNotContain("SECRET", "services");
        assertThat(channel.targetKey()).matches("[0-9a-f]{64}");
    }
}
