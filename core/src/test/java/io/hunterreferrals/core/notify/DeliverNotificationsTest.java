package io.hunterreferrals.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.testing.InMemoryOutbox;
import io.hunterreferrals.core.testing.TestNotifications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliverNotificationsTest {

    private static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");
    private static final ChannelRule EVERYTHING = new ChannelRule(Set.of(EventType.values()), Set.of(), Set.of());

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryOutbox outbox = new InMemoryOutbox();

    /** A channel that records what it was given and answers from a script (delivered when the script is empty). */
    static class ScriptedChannel implements NotificationChannel {
        final String name;
        final List<List<Notification>> received = new ArrayList<>();
        final Deque<DeliveryResult> script = new ArrayDeque<>();
        Optional<Duration> digest = Optional.empty();
        String target = "https://receiver.example";

        ScriptedChannel(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String target() {
            return target;
        }

        @Override
        public DeliveryResult deliver(List<Notification> notifications) {
            received.add(notifications);
            return script.isEmpty() ? new DeliveryResult.Delivered("HTTP 200") : script.poll();
        }

        @Override
        public Optional<Duration> digest() {
            return digest;
        }

        List<String> referrals() {
            return received.stream()
                    .flatMap(List::stream)
                    .map(n -> n.event()
                            .event()
                            .referral()
                            .map(r -> r.id().value())
                            .orElse("-"))
                    .toList();
        }
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private DeliverNotifications worker(List<DeliverNotifications.RoutedChannel> channels) {
        return new DeliverNotifications(
                outbox, channels, RetryPolicy.DEFAULT, TestNotifications.LINKS, clock, DeliveryListener.NONE);
    }

    private static Event created(String id, ReferralCategory category) {
        ReferralFacts f = TestNotifications.facts(id, "Contoso");
        return Event.aboutReferral(
                EventType.REFERRAL_CREATED,
                new ReferralFacts(
                        f.id(), category, f.status(), f.substatus(), f.dealValue(), f.domain(), f.companyName()),
                List.of());
    }

    private static DeliveryResult.Failed failed(DeliveryErrorCode code) {
        return new DeliveryResult.Failed(DeliveryFailure.of(code, "receiver said " + code.code()));
    }

    @Test
    void theDefaultRuleSendsNewCoSellReferralsAndFailedSyncsToEveryChannel() {
        ScriptedChannel email = new ScriptedChannel("email");
        ScriptedChannel teams = new ScriptedChannel("teams");
        outbox.append(created("co-1", ReferralCategory.CO_SELL), T0);
        outbox.append(created("mp-1", ReferralCategory.MARKETPLACE), T0);
        outbox.append(
                Event.aboutReferral(EventType.REFERRAL_UPDATED, TestNotifications.facts("co-1", "Contoso"), List.of()),
                T0);
        outbox.append(
                Event.failure(EventType.SYNC_FAILED, new EventProblem("partner_center_error", "x", Optional.empty())),
                T0);

        var report = worker(List.of(
                        new DeliverNotifications.RoutedChannel(email, ChannelRule.DEFAULT),
                        new DeliverNotifications.RoutedChannel(teams, ChannelRule.DEFAULT)))
                .runOnce();

        assertThat(report).isEqualTo(new DeliverNotifications.PassReport(4, 4, 0));
        assertThat(email.referrals()).containsExactly("co-1", "-");
        assertThat(teams.referrals()).containsExactly("co-1", "-");
        assertThat(email.received).allMatch(batch -> batch.size() == 1);
        assertThat(email.received.get(0).get(0).detailUrl())
                .contains("https://hunter.example.com/mini-ui/?tab=inbox&referral=co-1");
    }

    @Test
    void aReceiverThatIsDownGetsEveryEventOnceItIsBackAndNoneTwice() {
        ScriptedChannel webhook = new ScriptedChannel("webhook");
        DeliverNotifications worker = worker(List.of(new DeliverNotifications.RoutedChannel(webhook, EVERYTHING)));
        for (int i = 1; i <= 5; i++) {
            outbox.append(created("r-" + i, ReferralCategory.CO_SELL), T0);
        }
        webhook.script.add(failed(DeliveryErrorCode.CONNECT));

        var first = worker.runOnce();

        // the first failure stops the channel for this pass: the other four were given back untried
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.delivered()).isZero();
        assertThat(webhook.received).hasSize(1);

        webhook.script.add(failed(DeliveryErrorCode.TIMEOUT));
        worker.runOnce(); // r-2 is due (never tried), r-1 waits for its retry
        webhook.received.clear();
        clock.advance(Duration.ofMinutes(5));
        var back = worker.runOnce();

        assertThat(back.failed()).isZero();
        assertThat(webhook.referrals()).containsExactlyInAnyOrder("r-1", "r-2", "r-3", "r-4", "r-5");
        clock.advance(Duration.ofHours(2));
        webhook.received.clear();
        worker.runOnce();
        assertThat(webhook.received).isEmpty();
    }

    @Test
    void aFailureWaitingCannotCureGoesStraightToTheDeadLetters() {
        ScriptedChannel slack = new ScriptedChannel("slack");
        outbox.append(created("r-1", ReferralCategory.CO_SELL), T0);
        slack.script.add(failed(DeliveryErrorCode.REJECTED));

        worker(List.of(new DeliverNotifications.RoutedChannel(slack, EVERYTHING)))
                .runOnce();

        DeliveryView view =
                outbox.events(EventFilter.latest(1)).get(0).deliveries().get(0);
        assertThat(view.state()).isEqualTo(DeliveryState.DEAD);
        assertThat(view.lastError().orElseThrow().code()).isEqualTo(DeliveryErrorCode.REJECTED);
    }

    @Test
    void aGoneReceiverGetsNothingMoreUntilItsTargetChanges() {
        ScriptedChannel webhook = new ScriptedChannel("webhook");
        DeliverNotifications worker = worker(List.of(new DeliverNotifications.RoutedChannel(webhook, EVERYTHING)));
        outbox.append(created("r-1", ReferralCategory.CO_SELL), T0);
        outbox.append(created("r-2", ReferralCategory.CO_SELL), T0);
        webhook.script.add(failed(DeliveryErrorCode.GONE));

        worker.runOnce();
        clock.advance(Duration.ofHours(1));
        worker.runOnce();

        assertThat(webhook.referrals()).containsExactly("r-1");
        webhook.target = "https://new-receiver.example";
        webhook.received.clear();
        worker.runOnce();
        assertThat(webhook.referrals()).containsExactly("r-2");
    }

    @Test
    void aDigestWaitsForItsWindowThenSendsEverythingDueInOneMessage() {
        ScriptedChannel email = new ScriptedChannel("email");
        email.digest = Optional.of(Duration.ofMinutes(15));
        DeliverNotifications worker = worker(List.of(new DeliverNotifications.RoutedChannel(email, EVERYTHING)));
        outbox.append(created("r-1", ReferralCategory.CO_SELL), T0);
        outbox.append(created("r-2", ReferralCategory.CO_SELL), T0.plusSeconds(60));

        worker.runOnce();
        assertThat(email.received).isEmpty();

        clock.advance(Duration.ofMinutes(15));
        var report = worker.runOnce();

        assertThat(report.delivered()).isEqualTo(2);
        assertThat(email.received).hasSize(1);
        assertThat(email.referrals()).containsExactly("r-1", "r-2");
    }

    @Test
    void aChannelThatThrowsIsAFailureAndTheWorkerGoesOn() {
        NotificationChannel broken = new ScriptedChannel("teams") {
            @Override
            public DeliveryResult deliver(List<Notification> notifications) {
                throw new IllegalStateException("bug");
            }
        };
        ScriptedChannel email = new ScriptedChannel("email");
        outbox.append(created("r-1", ReferralCategory.CO_SELL), T0);

        var report = worker(List.of(
                        new DeliverNotifications.RoutedChannel(broken, EVERYTHING),
                        new DeliverNotifications.RoutedChannel(email, EVERYTHING)))
                .runOnce();

        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.delivered()).isEqualTo(1);
        DeliveryView teams =
                outbox.events(EventFilter.latest(1)).get(0).deliveries().get(1);
        assertThat(teams.channel()).isEqualTo("teams");
        assertThat(teams.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(teams.lastError().orElseThrow().message()).contains("IllegalStateException");
    }

    @Test
    void twoChannelsWithOneNameAreRefused() {
        assertThatThrownBy(() -> worker(List.of(
                        new DeliverNotifications.RoutedChannel(new ScriptedChannel("email"), EVERYTHING),
                        new DeliverNotifications.RoutedChannel(new ScriptedChannel("email"), EVERYTHING))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email");
    }

    @Test
    void purgeDeletesSettledEventsPastTheRetention() {
        ScriptedChannel email = new ScriptedChannel("email");
        DeliverNotifications worker = worker(List.of(new DeliverNotifications.RoutedChannel(email, EVERYTHING)));
        outbox.append(created("r-1", ReferralCategory.CO_SELL), T0);
        worker.runOnce();
        clock.advance(Duration.ofDays(31));

        assertThat(worker.purge(Duration.ofDays(30))).isEqualTo(1);
        assertThat(outbox.events(EventFilter.latest(10))).isEmpty();
    }
}
