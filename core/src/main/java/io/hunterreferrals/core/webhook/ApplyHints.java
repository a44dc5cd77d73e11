package io.hunterreferrals.core.webhook;

import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncReferrals;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.core.sync.SyncTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Driving use case, run by the worker: the due hints become one sync run that reads only their referrals
 * ({@link SyncRequest#referrals}), so each is stored through the sync's own rules (filters, classification, domain,
 * link, quarantine, events) and under its run slot, never alongside another run's writes. The watermark stays where the
 * list reads put it.
 */
public final class ApplyHints {

    /** A worker that dies holding hints leaves them to another after this. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final HintQueue queue;
    private final SyncReferrals sync;
    private final HintRetry retry;
    private final Clock clock;
    private final WebhookListener listener;

    public ApplyHints(HintQueue queue, SyncReferrals sync, HintRetry retry, Clock clock, WebhookListener listener) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.sync = Objects.requireNonNull(sync, "sync");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** What one pass did. */
    public sealed interface Pass {

        /** Nothing was due. */
        record Idle() implements Pass {}

        record Applied(List<QueuedHint> hints, SyncReport report) implements Pass {}

        /** Another run held the slot; the hints wait a little. */
        record Deferred(List<QueuedHint> hints) implements Pass {}

        /** The run failed; the hints are retried later, or given up. */
        record Failed(List<QueuedHint> hints, SyncReport report, int gaveUp) implements Pass {}
    }

    /** Claims the due hints, at most one run's worth, and applies them; call again while it does not return idle. */
    public Pass applyDue() {
        Instant now = clock.instant();
        List<QueuedHint> hints = queue.claim(SyncRequest.MAX_REFERRALS, now, LEASE);
        if (hints.isEmpty()) {
            return new Pass.Idle();
        }
        List<ReferralId> referrals =
                hints.stream().map(h -> h.hint().referralId()).distinct().toList();
        SyncOutcome outcome;
        try {
            outcome = sync.sync(SyncRequest.referrals(SyncTrigger.WEBHOOK, referrals));
        } catch (RuntimeException e) {
            // A run that could not even be recorded (the database went away): the hints stay for later.
            queue.retry(hints, clock.instant().plus(retry.busyDelay()), false, "run_not_started");
            throw e;
        }
        return switch (outcome) {
            case SyncOutcome.Busy busy -> {
                queue.retry(hints, clock.instant().plus(retry.busyDelay()), false, "sync_busy");
                listener.deferred(hints, busy.activeRun());
                yield new Pass.Deferred(hints);
            }
            case SyncOutcome.Ran ran
            when ran.report().status() != SyncStatus.FAILED -> {
                // A referral that failed on its content is in the quarantine now, like one a list read met.
                queue.applied(hints, ran.report().runId(), clock.instant());
                listener.applied(hints, ran.report());
                yield new Pass.Applied(hints, ran.report());
            }
            case SyncOutcome.Ran ran -> failed(hints, ran.report());
        };
    }

    private Pass failed(List<QueuedHint> hints, SyncReport report) {
        String reason = report.error().map(e -> e.code().code()).orElse("failed");
        List<QueuedHint> giveUp = new ArrayList<>();
        List<QueuedHint> again = new ArrayList<>();
        for (QueuedHint hint : hints) {
            (hint.attempts() + 1 >= retry.maxAttempts() ? giveUp : again).add(hint);
        }
        Instant now = clock.instant();
        if (!giveUp.isEmpty()) {
            queue.giveUp(giveUp, reason, now);
        }
        // One back-off for the batch: its hints failed together, and the next run takes them together.
        int attempt = again.stream().mapToInt(QueuedHint::attempts).max().orElse(0) + 1;
        if (!again.isEmpty()) {
            queue.retry(again, now.plus(retry.backOff(attempt)), true, reason);
        }
        listener.applyFailed(hints, report.error(), giveUp.size());
        return new Pass.Failed(hints, report, giveUp.size());
    }
}
