package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.push.ReferralWriteBack;
import io.hunterreferrals.core.push.WriteBackResult;
import io.hunterreferrals.core.referral.ReferralId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ReferralWriteBack} in memory: the lead id each referral was given, every call in order, and levers for a
 * Partner Center that refuses (one referral, or all) or cannot be reached.
 */
public final class InMemoryReferralWriteBack implements ReferralWriteBack {

    /** One call as the push made it. */
    public record Call(ReferralId referral, Optional<String> eTag, String leadId) {}

    private final Map<String, String> written = new LinkedHashMap<>();
    private final Map<String, WriteBackResult.Refused> refusals = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private WriteBackResult.Refused refuseAll;
    private WriteBackResult.Unavailable down;

    /** Partner Center refuses this referral's write-back from now on. */
    public synchronized void refuse(String referralId, WriteBackResult.Refused refusal) {
        refusals.put(referralId, refusal);
    }

    /** Partner Center refuses every write-back from now on (the field is not updatable, say). */
    public synchronized void refuseAll(WriteBackResult.Refused refusal) {
        refuseAll = refusal;
    }

    /** Every call answers {@code unavailable} until {@link #up()}. */
    public synchronized void down(WriteBackResult.Unavailable unavailable) {
        down = unavailable;
    }

    public synchronized void up() {
        down = null;
        refuseAll = null;
        refusals.clear();
    }

    /** Referral id to the lead id Partner Center holds now. */
    public synchronized Map<String, String> written() {
        return Map.copyOf(written);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized WriteBackResult writeLeadId(ReferralId referral, Optional<String> eTag, String leadId) {
        calls.add(new Call(referral, eTag, leadId));
        if (down != null) {
            return down;
        }
        WriteBackResult.Refused refusal = refusals.getOrDefault(referral.value(), refuseAll);
        if (refusal != null) {
            return refusal;
        }
        written.put(referral.value(), leadId);
        return new WriteBackResult.Written(Optional.of("req-wb-" + referral.value()));
    }
}
