package io.hunterreferrals.core.testing;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A {@link HintQueue} in memory, held to {@link HintQueueContract} like the PostgreSQL one. */
public final class InMemoryHintQueue implements HintQueue {

    /** One stored hint, mutable under the queue's lock. */
    public static final class Row {
        final long id;
        final ReferralHint hint;
        final Instant receivedAt;
        public String state;
        public int attempts;
        Instant nextAttemptAt;
        Instant leasedUntil;
        public Optional<SyncRunId> appliedRun = Optional.empty();
        public Optional<String> lastError = Optional.empty();

        Row(long id, ReferralHint hint, Instant receivedAt, String state) {
            this.id = id;
            this.hint = hint;
            this.receivedAt = receivedAt;
            this.state = state;
            this.nextAttemptAt = receivedAt;
        }

        QueuedHint queued() {
            return new QueuedHint(id, hint, receivedAt, attempts);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private long nextId = 1;

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    @Override
    public synchronized HintOffer offer(ReferralHint hint, Instant receivedAt) {
        if (rows.stream().anyMatch(r -> r.hint.equals(hint))) {
            return HintOffer.DUPLICATE;
        }
        boolean test = hint.event() == HintEvent.TEST_CREATED;
        rows.add(new Row(nextId++, hint, receivedAt, test ? "test" : "pending"));
        return test ? HintOffer.TEST : HintOffer.QUEUED;
    }

    @Override
    public synchronized List<QueuedHint> claim(int max, Instant now, Duration lease) {
        List<Row> due = rows.stream()
                .filter(r -> r.state.equals("pending"))
                .filter(r -> !r.nextAttemptAt.isAfter(now))
                .filter(r -> r.leasedUntil == null || !r.leasedUntil.isAfter(now))
                .sorted(Comparator.comparing((Row r) -> r.nextAttemptAt).thenComparingLong(r -> r.id))
                .toList();
        Set<ReferralId> chosen = new LinkedHashSet<>();
        List<QueuedHint> claimed = new ArrayList<>();
        for (Row row : due) {
            if (chosen.contains(row.hint.referralId()) || chosen.size() < max) {
                chosen.add(row.hint.referralId());
                row.leasedUntil = now.plus(lease);
                claimed.add(row.queued());
            }
        }
        return claimed;
    }

    @Override
    public synchronized void applied(Collection<QueuedHint> hints, SyncRunId run, Instant at) {
        pending(hints).forEach(r -> {
            r.state = "applied";
            r.appliedRun = Optional.of(run);
            r.leasedUntil = null;
            r.lastError = Optional.empty();
        });
    }

    @Override
    public synchronized void retry(
            Collection<QueuedHint> hints, Instant notBefore, boolean failedAttempt, String reason) {
        pending(hints).forEach(r -> {
            r.nextAttemptAt = notBefore;
            r.leasedUntil = null;
            r.attempts += failedAttempt ? 1 : 0;
            r.lastError = Optional.of(reason);
        });
    }

    @Override
    public synchronized void giveUp(Collection<QueuedHint> hints, String reason, Instant at) {
        pending(hints).forEach(r -> {
            r.state = "gave_up";
            r.attempts++;
            r.leasedUntil = null;
            r.lastError = Optional.of(reason);
        });
    }

    @Override
    public synchronized Set<ReferralId> announced(Collection<ReferralId> referrals, Instant since) {
        return rows.stream()
                .filter(r -> !r.state.equals("test"))
                .filter(r -> !r.receivedAt.isBefore(since))
                .map(r -> r.hint.referralId())
                .filter(referrals::contains)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public synchronized WebhookActivity activity() {
        Optional<Row> last =
                rows.stream().max(Comparator.comparing((Row r) -> r.receivedAt).thenComparingLong(r -> r.id));
        Optional<Instant> lastTest = rows.stream()
                .filter(r -> r.state.equals("test"))
                .map(r -> r.receivedAt)
                .max(Comparator.naturalOrder());
        return new WebhookActivity(
                last.map(r -> r.receivedAt),
                last.map(r -> r.hint.event()),
                lastTest,
                rows.stream().filter(r -> r.state.equals("pending")).count(),
                rows.stream().filter(r -> r.state.equals("gave_up")).count());
    }

    @Override
    public synchronized int purgeSettled(Instant before) {
        int size = rows.size();
        rows.removeIf(r -> !r.state.equals("pending") && r.receivedAt.isBefore(before));
        return size - rows.size();
    }

    private List<Row> pending(Collection<QueuedHint> hints) {
        Set<Long> ids = hints.stream().map(QueuedHint::id).collect(Collectors.toSet());
        return rows.stream()
                .filter(r -> ids.contains(r.id) && r.state.equals("pending"))
                .toList();
    }
}
