package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.push.PushCandidate;
import io.hunterreferrals.core.push.PushFilter;
import io.hunterreferrals.core.push.PushState;
import io.hunterreferrals.core.push.PushState.PushStatus;
import io.hunterreferrals.core.push.PushStateStore;
import io.hunterreferrals.core.push.WriteBackState;
import io.hunterreferrals.core.push.WriteBackState.WriteBackStatus;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link PushStateStore} in memory: referrals put by the test (as the sync would store them), states by the push. */
public final class InMemoryPushStateStore implements PushStateStore {

    private record Stored(PushState state, ContentHash fromHash) {}

    private final Map<String, PushCandidate> referrals = new TreeMap<>();
    private final Map<String, Stored> states = new TreeMap<>();

    /** Stores (or, as a sync that changed it, replaces) a referral; its state field is ignored. */
    public synchronized void put(PushCandidate referral) {
        referrals.put(referral.referralId().value(), referral);
    }

    public synchronized Optional<PushState> state(ReferralId id) {
        return Optional.ofNullable(states.get(id.value())).map(Stored::state);
    }

    @Override
    public synchronized List<PushCandidate> due(
            PushFilter filter, int mappingVersion, Optional<ReferralId> after, int limit) {
        return referrals.values().stream()
                .filter(r -> after.map(a -> r.referralId().value().compareTo(a.value()) > 0)
                        .orElse(true))
                .filter(r -> filter.accepts(r.category(), r.status()))
                .filter(r -> {
                    Stored stored = states.get(r.referralId().value());
                    return stored == null
                            || stored.state().status() == PushStatus.FAILED
                            || !stored.fromHash().equals(r.storedHash())
                            || stored.state().mappingVersion() != mappingVersion;
                })
                .limit(limit)
                .map(this::withState)
                .toList();
    }

    @Override
    public synchronized Optional<PushCandidate> find(ReferralId id) {
        return Optional.ofNullable(referrals.get(id.value())).map(this::withState);
    }

    @Override
    public synchronized List<PushCandidate> writeBackDue(PushFilter filter, Optional<ReferralId> after, int limit) {
        return referrals.values().stream()
                .filter(r -> after.map(a -> r.referralId().value().compareTo(a.value()) > 0)
                        .orElse(true))
                .filter(r -> filter.accepts(r.category(), r.status()))
                .map(this::withState)
                .filter(r -> r.state()
                        .filter(s -> s.status() == PushStatus.PUSHED)
                        .filter(s -> !s.leadId().equals(r.externalReferenceId()))
                        .filter(s -> s.writeBack()
                                .map(w -> w.status() == WriteBackStatus.FAILED)
                                .orElse(true))
                        .isPresent())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void recordWriteBack(PushCandidate candidate, WriteBackState outcome) {
        Stored stored = states.get(candidate.referralId().value());
        if (stored == null) {
            throw new IllegalStateException("No push state for " + candidate.referralId());
        }
        PushState s = stored.state();
        states.put(
                candidate.referralId().value(),
                new Stored(
                        new PushState(
                                s.status(),
                                s.leadId(),
                                s.hash(),
                                s.mappingVersion(),
                                s.pushedAt(),
                                s.attempts(),
                                s.lastErrorCode(),
                                s.lastError(),
                                s.updatedAt(),
                                Optional.of(outcome)),
                        stored.fromHash()));
    }

    @Override
    public synchronized void recordPushed(
            PushCandidate candidate, String leadId, ContentHash leadHash, int mappingVersion, Instant at) {
        Optional<WriteBackState> writeBack = state(candidate.referralId())
                .filter(s -> s.leadId().equals(Optional.of(leadId)))
                .flatMap(PushState::writeBack);
        states.put(
                candidate.referralId().value(),
                new Stored(
                        new PushState(
                                PushStatus.PUSHED,
                                Optional.of(leadId),
                                leadHash,
                                mappingVersion,
                                Optional.of(at),
                                0,
                                Optional.empty(),
                                Optional.empty(),
                                at,
                                writeBack),
                        candidate.storedHash()));
    }

    @Override
    public synchronized void recordFailed(
            PushCandidate candidate,
            ContentHash leadHash,
            int mappingVersion,
            String code,
            String message,
            Instant at) {
        Optional<PushState> before = state(candidate.referralId());
        int attempts = before.filter(s -> s.hash().equals(leadHash))
                .map(s -> s.attempts() + 1)
                .orElse(1);
        states.put(
                candidate.referralId().value(),
                new Stored(
                        new PushState(
                                PushStatus.FAILED,
                                before.flatMap(PushState::leadId),
                                leadHash,
                                mappingVersion,
                                before.flatMap(PushState::pushedAt),
                                attempts,
                                Optional.of(code),
                                Optional.of(message),
                                at,
                                before.flatMap(PushState::writeBack)),
                        candidate.storedHash()));
    }

    @Override
    public synchronized void recordChecked(List<PushCandidate> candidates, Instant at) {
        for (PushCandidate candidate : candidates) {
            Stored stored = states.get(candidate.referralId().value());
            if (stored != null) {
                states.put(candidate.referralId().value(), new Stored(stored.state(), candidate.storedHash()));
            }
        }
    }

    @Override
    public synchronized void forgetAll() {
        states.clear();
    }

    private PushCandidate withState(PushCandidate r) {
        return r.withState(state(r.referralId()));
    }
}
