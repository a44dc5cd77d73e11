package io.hunterreferrals.core.push;

import io.hunterreferrals.core.push.PushReport.PushRunStatus;
import io.hunterreferrals.core.push.PushRunLog.PushClaim;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.StorageUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The use case: every stored referral the filter accepts becomes, and stays, one lead in the destination. Due referrals
 * are read in batches in referral-id order; each is mapped ({@link LeadMapping}); a referral whose lead values equal
 * what was last pushed is skipped; the rest go to the destination one batch per call, and each result is recorded
 * before the next batch. One referral's refusal never stops the others; a destination that cannot take leads at all
 * ({@link LeadDestinationException}) ends the run as failed, keeping everything recorded before.
 *
 * <p>With a {@link ReferralWriteBack} (optional, off by default), each lead id is also written back to its referral in
 * Partner Center: right after the lead is written, then, once the due referrals are through, for the leads pushed
 * before that still lack it ({@link LeadIdWriteBack} has the rules). A write-back never fails the run.
 */
public final class PushReferrals {

    /** Referrals read per page of the write-back's backlog: each is one call to Partner Center anyway. */
    private static final int WRITE_BACK_PAGE = 100;

    private final LeadDestination destination;
    private final Optional<ReferralWriteBack> writeBack;
    private final PushStateStore store;
    private final PushRunLog runLog;
    private final PushFilter filter;
    private final int maxAttempts;
    private final PushListener listener;
    private final BooleanSupplier stopping;
    private final Clock clock;

    /** Without the write-back to Partner Center. */
    public PushReferrals(
            LeadDestination destination,
            PushStateStore store,
            PushRunLog runLog,
            PushFilter filter,
            int maxAttempts,
            PushListener listener,
            BooleanSupplier stopping,
            Clock clock) {
        this(destination, Optional.empty(), store, runLog, filter, maxAttempts, listener, stopping, clock);
    }

    /**
     * @param writeBack where lead ids are written back to their referrals; empty when that is off
     * @param maxAttempts a referral the destination refused this many times in a row is skipped until it changes
     * @param stopping asked between batches: a graceful stop ends the run after the batch in hand
     */
    public PushReferrals(
            LeadDestination destination,
            Optional<ReferralWriteBack> writeBack,
            PushStateStore store,
            PushRunLog runLog,
            PushFilter filter,
            int maxAttempts,
            PushListener listener,
            BooleanSupplier stopping,
            Clock clock) {
        this.destination = Objects.requireNonNull(destination, "destination");
        this.writeBack = Objects.requireNonNull(writeBack, "writeBack");
        this.store = Objects.requireNonNull(store, "store");
        this.runLog = Objects.requireNonNull(runLog, "runLog");
        this.filter = Objects.requireNonNull(filter, "filter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.stopping = Objects.requireNonNull(stopping, "stopping");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PushOutcome push(PushRequest request) {
        PushRunId runId = PushRunId.random();
        Instant startedAt = clock.instant();
        if (runLog.start(runId, request, startedAt) instanceof PushClaim.Busy busy) {
            return new PushOutcome.Busy(busy.activeRun());
        }
        listener.runStarted(runId, request);
        PushTally tally = new PushTally();
        Optional<PushError> error = Optional.empty();
        try {
            error = run(runId, request, tally);
        } catch (LeadDestinationException e) {
            error = Optional.of(PushError.from(e));
        } catch (StorageUnavailableException e) {
            error = Optional.of(PushError.of(
                    PushErrorCode.DATABASE_UNAVAILABLE,
                    "The database went away during the "
                            + "push (" + e.getMessage()
                            + "). Every result recorded before that is kept; the next push goes on "
                            + "from there."));
        } catch (RuntimeException e) {
            error = Optional.of(PushError.of(
                    PushErrorCode.INTERNAL_ERROR,
                    "The push stopped on an unexpected error (" + e.getClass().getSimpleName()
                            + "). Every result recorded before that is kept."));
        }
        PushRunStatus status = error.isPresent()
                ? PushRunStatus.FAILED
                : tally.failed.isEmpty() ? PushRunStatus.SUCCESS : PushRunStatus.PARTIAL;
        PushReport report = new PushReport(
                runId,
                request.trigger(),
                request.dryRun(),
                status,
                tally.created,
                tally.updated,
                tally.skipped,
                tally.failed,
                tally.writtenBack,
                tally.writeBackRefused,
                startedAt,
                clock.instant(),
                error);
        runLog.finish(report);
        listener.runFinished(report);
        return new PushOutcome.Finished(report);
    }

    private Optional<PushError> run(PushRunId runId, PushRequest request, PushTally tally) {
        LeadMapping mapping = new LeadMapping(destination.limits());
        Optional<LeadIdWriteBack> leadIds = request.dryRun()
                ? Optional.empty()
                : writeBack.map(w -> new LeadIdWriteBack(w, store, listener, runId, tally, clock));
        if (request.referral().isPresent()) {
            ReferralId id = request.referral().get();
            PushCandidate candidate = store.find(id)
                    .orElseThrow(
                            () -> new IllegalArgumentException("No referral with id " + id.value() + " is stored"));
            send(runId, request, List.of(candidate), mapping, tally, true, leadIds);
            return Optional.empty();
        }
        Optional<ReferralId> after = Optional.empty();
        while (true) {
            List<PushCandidate> due = store.due(filter, LeadMapping.VERSION, after, destination.batchSize());
            if (due.isEmpty()) {
                break;
            }
            send(runId, request, due, mapping, tally, false, leadIds);
            after = Optional.of(due.getLast().referralId());
            if (stopping.getAsBoolean()) {
                return Optional.of(stopped());
            }
        }
        return leadIds.isPresent() ? writeBackBacklog(leadIds.get()) : Optional.empty();
    }

    /** The leads pushed before whose id is still to be written back, page by page, until Partner Center is away. */
    private Optional<PushError> writeBackBacklog(LeadIdWriteBack leadIds) {
        Optional<ReferralId> after = Optional.empty();
        while (!leadIds.unavailable()) {
            List<PushCandidate> pending = store.writeBackDue(filter, after, WRITE_BACK_PAGE);
            if (pending.isEmpty()) {
                break;
            }
            for (PushCandidate candidate : pending) {
                leadIds.pending(candidate);
            }
            after = Optional.of(pending.getLast().referralId());
            if (stopping.getAsBoolean()) {
                return Optional.of(stopped());
            }
        }
        return Optional.empty();
    }

    private static PushError stopped() {
        return PushError.of(
                PushErrorCode.INTERRUPTED,
                "The push was stopped (shutdown) after the batch in hand; the next push goes on from there.");
    }

    private void send(
            PushRunId runId,
            PushRequest request,
            List<PushCandidate> candidates,
            LeadMapping mapping,
            PushTally tally,
            boolean forced,
            Optional<LeadIdWriteBack> leadIds) {
        List<PushCandidate> sent = new ArrayList<>();
        List<LeadDraft> drafts = new ArrayList<>();
        List<PushCandidate> unchanged = new ArrayList<>();
        for (PushCandidate candidate : candidates) {
            LeadDraft draft = mapping.draft(candidate);
            Optional<PushState> state = candidate.state();
            boolean same = state.filter(s -> s.mappingVersion() == LeadMapping.VERSION
                            && s.hash().equals(draft.hash()))
                    .isPresent();
            if (!forced && same && state.get().status() == PushState.PushStatus.PUSHED) {
                tally.skip(PushTally.UNCHANGED);
                unchanged.add(candidate);
            } else if (!forced && same && state.get().attempts() >= maxAttempts) {
                tally.skip(PushTally.ATTEMPTS_EXHAUSTED);
                unchanged.add(candidate);
            } else {
                sent.add(candidate);
                drafts.add(draft);
            }
        }
        Instant now = clock.instant();
        if (request.dryRun()) {
            sent.forEach(c -> {
                if (c.state().flatMap(PushState::leadId).isPresent()) {
                    tally.updated++;
                } else {
                    tally.created++;
                }
            });
            listener.batchPushed(runId, drafts.size(), tally.created, tally.updated, 0);
            return;
        }
        if (!unchanged.isEmpty()) {
            store.recordChecked(unchanged, now);
        }
        if (drafts.isEmpty()) {
            return;
        }
        List<LeadWrite> results = destination.upsert(drafts);
        if (results.size() != drafts.size()) {
            throw new IllegalStateException(
                    "The destination answered " + results.size() + " results for " + drafts.size() + " leads");
        }
        int created = 0;
        int updated = 0;
        int rejected = 0;
        for (int i = 0; i < drafts.size(); i++) {
            PushCandidate candidate = sent.get(i);
            LeadDraft draft = drafts.get(i);
            LeadWrite result = results.get(i);
            if (!result.referralId().equals(draft.referralId())) {
                throw new IllegalStateException("The destination answered out of order");
            }
            switch (result) {
                case LeadWrite.Created c -> {
                    store.recordPushed(candidate, c.leadId(), draft.hash(), LeadMapping.VERSION, now);
                    leadIds.ifPresent(w -> w.afterLeadWrite(candidate, c.leadId()));
                    created++;
                }
                case LeadWrite.Updated u -> {
                    store.recordPushed(candidate, u.leadId(), draft.hash(), LeadMapping.VERSION, now);
                    leadIds.ifPresent(w -> w.afterLeadWrite(candidate, u.leadId()));
                    updated++;
                }
                case LeadWrite.Rejected r -> {
                    String message = r.message()
                            + r.requestId()
                                    .map(id -> " (request id " + id + ")")
                                    .orElse("");
                    store.recordFailed(candidate, draft.hash(), LeadMapping.VERSION, r.code(), message, now);
                    tally.fail(r.code());
                    rejected++;
                }
            }
        }
        tally.created += created;
        tally.updated += updated;
        listener.batchPushed(runId, drafts.size(), created, updated, rejected);
    }
}
