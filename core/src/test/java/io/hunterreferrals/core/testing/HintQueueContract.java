package io.hunterreferrals.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.webhook.HintEvent;
import io.hunterreferrals.core.webhook.HintOffer;
import io.hunterreferrals.core.webhook.HintQueue;
import io.hunterreferrals.core.webhook.QueuedHint;
import io.hunterreferrals.core.webhook.ReferralHint;
import io.hunterreferrals.core.webhook.WebhookActivity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link HintQueue} must do; run against the in-memory queue and PostgreSQL. */
public abstract class HintQueueContract {

    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Duration LEASE = Duration.ofMinutes(2);

    protected HintQueue queue;

    protected abstract HintQueue createQueue();

    @BeforeEach
    void createQueueUnderTest() {
        queue = createQueue();
    }

    protected static ReferralHint hint(HintEvent event, String referral, int changedSecond) {
        return new ReferralHint(
                event, new ReferralId(referral), NOW.minusSeconds(600).plusSeconds(changedSecond));
    }

    private static List<ReferralId> referrals(List<QueuedHint> hints) {
        return hints.stream().map(h -> h.hint().referralId()).toList();
    }

    @Test
    void theSameCallTwiceIsOneHintAndATestEventIsNeverClaimed() {
        ReferralHint created = hint(HintEvent.REFERRAL_CREATED, "r-1", 1);

        assertThat(queue.offer(created, NOW)).isEqualTo(HintOffer.QUEUED);
        assertThat(queue.offer(created, NOW.plusSeconds(5))).isEqualTo(HintOffer.DUPLICATE);
        assertThat(queue.offer(hint(HintEvent.REFERRAL_UPDATED, "r-1", 1), NOW)).isEqualTo(HintOffer.QUEUED);
        assertThat(queue.offer(hint(HintEvent.TEST_CREATED, "test-1", 2), NOW.plusSeconds(1)))
                .isEqualTo(HintOffer.TEST);

        List<QueuedHint> claimed = queue.claim(10, NOW.plusSeconds(10), LEASE);
        assertThat(referrals(claimed)).containsExactly(new ReferralId("r-1"), new ReferralId("r-1"));
        WebhookActivity activity = queue.activity();
        assertThat(activity.lastReceived()).contains(NOW.plusSeconds(1));
        assertThat(activity.lastEvent()).contains(HintEvent.TEST_CREATED);
        assertThat(activity.lastTestReceived()).contains(NOW.plusSeconds(1));
        assertThat(activity.pending()).isEqualTo(2);
    }

    @Test
    void aClaimTakesAllDueHintsOfUpToMaxReferralsOldestFirstAndLeasesThem() {
        queue.offer(hint(HintEvent.REFERRAL_CREATED, "r-1", 1), NOW);
        queue.offer(hint(HintEvent.REFERRAL_CREATED, "r-2", 2), NOW.plusMillis(1));
        queue.offer(hint(HintEvent.REFERRAL_UPDATED, "r-1", 3), NOW.plusMillis(2));
        queue.offer(hint(HintEvent.REFERRAL_CREATED, "r-3", 4), NOW.plusMillis(3));

        List<QueuedHint> first = queue.claim(2, NOW.plusSeconds(1), LEASE);

        assertThat(referrals(first))
                .containsExactlyInAnyOrder(new ReferralId("r-1"), new ReferralId("r-2"), new ReferralId("r-1"));
        assertThat(queue.claim(10, NOW.plusSeconds(2), LEASE))
                .as("the leased ones are not claimed again")
                .extracting(h -> h.hint().referralId())
                .containsExactly(new ReferralId("r-3"));
        assertThat(queue.claim(10, NOW.plus(LEASE).plusSeconds(5), LEASE))
                .as("a lease that ran out (a worker that died) lets them go")
                .hasSize(4);
    }

    @Test
    void appliedHintsAreSettledAndRetriedOnesWaitAndCountTheirFailedAttempts() {
        queue.offer(hint(HintEvent.REFERRAL_CREATED, "r-1", 1), NOW);
        queue.offer(hint(HintEvent.REFERRAL_CREATED, "r-2", 2), NOW);
        List<QueuedHint> claimed = queue.claim(10, NOW, LEASE);
        QueuedHint one = claimed.stream()
                .filter(h -> h.hint().referralId().value().equals("r-1"))
                .findFirst()
                .orElseThrow();
        QueuedHint two = claimed.stream()
                .filter(h -> h.hint().referralId().value().equals("r-2"))
                .findFirst()
                .orElseThrow();

        queue.applied(List.of(one), SyncRunId.random(), NOW.plusSeconds(1));
        queue.retry(List.of(two), NOW.plusSeconds(30), true, "partner_center_unavailable");

        assertThat(queue.claim(10, NOW.plusSeconds(29), LEASE)).isEmpty();
        List<QueuedHint> again = queue.claim(10, NOW.plusSeconds(30), LEASE);
        assertThat(again).singleElement().satisfies(h -> {
            assertThat(h.hint().referralId()).isEqualTo(new ReferralId("r-2"));
            assertThat(h.attempts()).isEqualTo(1);
        });
        queue.retry(again, NOW.plusSeconds(31), false, "sync_busy");
        assertThat(queue.claim(10, NOW.plusSeconds(31), LEASE))
                .singleElement()
                .satisfies(h ->
                        assertThat(h.attempts()).as("waiting is not an attempt").isEqualTo(1));
        assertThat(queue.activity().pending()).isEqualTo(1);
    }

    @Test
    void aGivenUpHintIsNeverClaimedAgainAndSettledOnesArePurged() {
        queue.offer(hint(HintEvent.REFERRAL_CREATED, "r-1", 1), NOW);
        queue.offer(hint(HintEvent.REFERRAL_CREATED, "r-2", 2), NOW.plusSeconds(1));
        queue.offer(hint(HintEvent.TEST_CREATED, "test-1", 3), NOW);
        List<QueuedHint> claimed = queue.claim(1, NOW.plusSeconds(1), LEASE);
        assertThat(claimed).hasSize(1);

        queue.giveUp(claimed, "partner_center_unavailable", NOW.plusSeconds(2));

        assertThat(queue.claim(10, NOW.plus(Duration.ofDays(1)), LEASE))
                .extracting(h -> h.hint().referralId().value())
                .containsExactly("r-2");
        assertThat(queue.activity().gaveUp()).isEqualTo(1);
        assertThat(queue.purgeSettled(NOW.plusSeconds(5)))
                .as("the given-up hint and the test event; the pending one stays")
                .isEqualTo(2);
        assertThat(queue.activity().pending()).isEqualTo(1);
    }

    @Test
    void announcedSaysWhichReferralsAWebhookNamedSinceATime() {
        queue.offer(hint(HintEvent.REFERRAL_CREATED, "r-1", 1), NOW.minusSeconds(3600));
        queue.offer(hint(HintEvent.REFERRAL_UPDATED, "r-2", 2), NOW);
        queue.offer(hint(HintEvent.TEST_CREATED, "r-3", 3), NOW);

        Set<ReferralId> announced = queue.announced(
                List.of(new ReferralId("r-1"), new ReferralId("r-2"), new ReferralId("r-3"), new ReferralId("r-4")),
                NOW.minusSeconds(60));

        assertThat(announced).containsExactly(new ReferralId("r-2"));
        assertThat(queue.announced(List.of(), NOW)).isEmpty();
    }
}
