package io.hunterreferrals.core.push;

import io.hunterreferrals.core.push.WriteBackState.WriteBackStatus;
import io.hunterreferrals.core.referral.ReferralId;
import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The write-back of lead ids to Partner Center during one push run: which referrals get one, and what is recorded. The
 * rules, in one place:
 *
 * <ul>
 *   <li>Never when the referral's stored {@code externalReferenceId} already is the lead id, so an unchanged referral
 *       never causes a call.
 *   <li>Right after its lead was created or updated, unless this lead id was written back before.
 *   <li>For a lead pushed earlier (before the write-back was switched on, or in a run where Partner Center was
 *       unavailable): once, from {@link PushStateStore#writeBackDue}.
 *   <li>A refusal is recorded on the referral and tried again only when its lead is next written; a failure (Partner
 *       Center unavailable, or the referral changed since the sync) is tried again by the next push. After Partner
 *       Center turned out unavailable, this run writes back no more: each call would wait out the same retry budget.
 * </ul>
 *
 * Nothing here ends the push: the write-back is optional, and whether Partner Center accepts it is UNCONFIRMED.
 */
final class LeadIdWriteBack {

    private final ReferralWriteBack partnerCenter;
    private final PushStateStore store;
    private final PushListener listener;
    private final PushRunId runId;
    private final PushTally tally;
    private final Clock clock;
    /** Tried in this run: one that failed is not tried again from the backlog, with the same stale eTag. */
    private final Set<ReferralId> tried = new HashSet<>();

    private boolean unavailable;

    LeadIdWriteBack(
            ReferralWriteBack partnerCenter,
            PushStateStore store,
            PushListener listener,
            PushRunId runId,
            PushTally tally,
            Clock clock) {
        this.partnerCenter = Objects.requireNonNull(partnerCenter, "partnerCenter");
        this.store = store;
        this.listener = listener;
        this.runId = runId;
        this.tally = tally;
        this.clock = clock;
    }

    /** After {@code candidate}'s lead was created or updated as {@code leadId} (and recorded). */
    void afterLeadWrite(PushCandidate candidate, String leadId) {
        boolean writtenBefore = candidate
                .state()
                .filter(s -> s.leadId().filter(leadId::equals).isPresent())
                .flatMap(PushState::writeBack)
                .filter(w -> w.status() == WriteBackStatus.WRITTEN)
                .isPresent();
        if (!holds(candidate, leadId) && !writtenBefore) {
            write(candidate, leadId);
        }
    }

    /** A referral from {@link PushStateStore#writeBackDue}; checked again, so the rule is this class's alone. */
    void pending(PushCandidate candidate) {
        if (isPending(candidate) && !tried.contains(candidate.referralId())) {
            write(candidate, candidate.state().flatMap(PushState::leadId).orElseThrow());
        }
    }

    /** Whether Partner Center turned out unavailable in this run, so that no more write-backs are tried. */
    boolean unavailable() {
        return unavailable;
    }

    /** The rule {@link PushStateStore#writeBackDue} follows. */
    static boolean isPending(PushCandidate candidate) {
        Optional<PushState> state = candidate.state();
        if (state.isEmpty()
                || state.get().status() != PushState.PushStatus.PUSHED
                || state.get().leadId().isEmpty()) {
            return false;
        }
        return !holds(candidate, state.get().leadId().get())
                && state.get()
                        .writeBack()
                        .map(w -> w.status() == WriteBackStatus.FAILED)
                        .orElse(true);
    }

    private static boolean holds(PushCandidate candidate, String leadId) {
        return candidate.externalReferenceId().filter(leadId::equals).isPresent();
    }

    private void write(PushCandidate candidate, String leadId) {
        if (unavailable) {
            return;
        }
        tried.add(candidate.referralId());
        WriteBackResult result;
        try {
            result = partnerCenter.writeLeadId(candidate.referralId(), candidate.eTag(), leadId);
        } catch (RuntimeException e) {
            // The port promises results, not exceptions; a defect there must still not end the push.
            result = new WriteBackResult.Unavailable(
                    "write_back_internal_error",
                    "The write-back stopped on an unexpected error ("
                            + e.getClass().getSimpleName() + "); the next push tries again.",
                    Optional.empty());
        }
        WriteBackState outcome = switch (result) {
            case WriteBackResult.Written w -> {
                tally.writtenBack++;
                yield WriteBackState.written(clock.instant());
            }
            case WriteBackResult.Refused r -> {
                tally.writeBackRefused(r.code());
                yield WriteBackState.notWritten(
                        r.retryable() ? WriteBackStatus.FAILED : WriteBackStatus.REFUSED,
                        r.code(),
                        withRequestId(r.message(), r.requestId()),
                        clock.instant());
            }
            case WriteBackResult.Unavailable u -> {
                unavailable = true;
                tally.writeBackRefused(u.code());
                yield WriteBackState.notWritten(
                        WriteBackStatus.FAILED, u.code(), withRequestId(u.message(), u.requestId()), clock.instant());
            }
        };
        store.recordWriteBack(candidate, outcome);
        listener.leadIdWrittenBack(runId, candidate.referralId(), result);
    }

    private static String withRequestId(String message, Optional<String> requestId) {
        return requestId
                .filter(id -> !message.contains(id))
                .map(id -> message + " (request id " + id + ")")
                .orElse(message);
    }
}
