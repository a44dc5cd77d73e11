package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.push.PushQueries;
import io.hunterreferrals.core.push.PushRunId;
import io.hunterreferrals.core.push.PushRunView;
import io.hunterreferrals.core.push.PushState;
import io.hunterreferrals.core.referral.ReferralId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link PushQueries} over the in-memory push ports, ordered as PostgreSQL orders them. */
public final class InMemoryPushQueries implements PushQueries {

    private final InMemoryPushRunLog runs;
    private final InMemoryPushStateStore states;

    public InMemoryPushQueries(InMemoryPushRunLog runs, InMemoryPushStateStore states) {
        this.runs = runs;
        this.states = states;
    }

    @Override
    public List<PushRunView> recentRuns(int limit) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be between 1 and 100");
        }
        return runs.views().stream()
                .sorted(Comparator.comparing(PushRunView::startedAt)
                        .reversed()
                        .thenComparing(v -> v.runId().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public Optional<PushRunView> run(PushRunId runId) {
        return runs.views().stream().filter(v -> v.runId().equals(runId)).findFirst();
    }

    @Override
    public Optional<PushState> state(ReferralId referral) {
        return states.state(referral);
    }
}
