package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The event model's fields, read leniently where Partner Center's samples differ and strictly where they matter. */
class WebhookEventParserTest {

    @Test
    void changeTimesWithSevenFractionalDigitsAnOffsetOrNoneAreRead() throws Exception {
        assertThat(WebhookEventParser.instant("2018-02-17T00:05:39.5485487+00:00"))
                .isEqualTo(Instant.parse("2018-02-17T00:05:39.5485487Z"));
        assertThat(WebhookEventParser.instant("2018-02-17T02:05:39.5485487+02:00"))
                .isEqualTo(Instant.parse("2018-02-17T00:05:39.5485487Z"));
        assertThat(WebhookEventParser.instant("2018-02-17T00:05:39Z")).isEqualTo(Instant.parse("2018-02-17T00:05:39Z"));
        assertThat(WebhookEventParser.instant("2018-02-17T00:05:39.123"))
                .isEqualTo(Instant.parse("2018-02-17T00:05:39.123Z"));
        for (String bad : new String[] {"2018-02-17", "17/02/2018 00:05", "2018-02-17T25:00:00Z", "now"}) {
            assertThatThrownBy(() -> WebhookEventParser.instant(bad)).isInstanceOf(WebhookEventParser.Malformed.class);
        }
    }

    @Test
    void theReferralIdIsTheLastPathSegment() throws Exception {
        assertThat(WebhookEventParser.referralId(
                                "https://api.partnercenter.microsoft.com/engagements/v1/referrals/0f6c1c2e-aaaa")
                        .value())
                .isEqualTo("0f6c1c2e-aaaa");
        // Microsoft's own sample, which java.net.URI refuses
        assertThat(WebhookEventParser.referralId(
                                "https://api.partnercenter.microsoft.com/engagements/v1/referrals/{{ReferralID}}")
                        .value())
                .isEqualTo("{{ReferralID}}");
        assertThat(WebhookEventParser.referralId("https://x/referrals/abc/?q=1#f")
                        .value())
                .isEqualTo("abc");
        assertThat(WebhookEventParser.referralId("https://x/referrals/caf%C3%A9")
                        .value())
                .isEqualTo("café");
        assertThat(WebhookEventParser.referralId("/referrals/r%2B1").value()).isEqualTo("r+1");
        for (String bad : new String[] {
            "https://x", "https://x/", "abc", "https://x/r/%zz", "https://x/r/%4", "https://x/r/" + "a".repeat(300)
        }) {
            assertThatThrownBy(() -> WebhookEventParser.referralId(bad))
                    .as(bad)
                    .isInstanceOf(WebhookEventParser.Malformed.class);
        }
    }
}
