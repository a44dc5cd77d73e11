package io.hunterreferrals.core.push;

import io.hunterreferrals.core.referral.ReferralId;
import java.util.List;
import java.util.Optional;

/** Driven port: what the push has done, for the API, the CLI and {@code /healthz} (reads only). */
public interface PushQueries {

    /** The latest runs first (running or finished), at most {@code limit} (1–100). */
    List<PushRunView> recentRuns(int limit);

    Optional<PushRunView> run(PushRunId runId);

    /** What the last push did with this referral; empty when none has touched it (or the referral is unknown). */
    Optional<PushState> state(ReferralId referral);
}
