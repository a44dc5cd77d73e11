package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.push.LeadDestination;
import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.LeadDraft;
import io.hunterreferrals.core.push.LeadLimits;
import io.hunterreferrals.core.push.LeadWrite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link LeadDestination} in memory: one lead per referral id, the drafts each received, and levers for a refused lead
 * or a destination that is down.
 */
public final class InMemoryLeadDestination implements LeadDestination {

    /** Dataverse's lead column lengths (dataverse.md §4), so the fake cuts text as the real one needs. */
    public static final LeadLimits DATAVERSE_LIMITS = new LeadLimits(300, 100, 200, 80, 2000, 50, 50, 100, 50);

    private final int batchSize;
    private final Map<String, String> leadIds = new LinkedHashMap<>();
    private final Map<String, LeadDraft> leads = new LinkedHashMap<>();
    private final List<List<LeadDraft>> batches = new ArrayList<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private LeadDestinationException down;

    public InMemoryLeadDestination(int batchSize) {
        this.batchSize = batchSize;
    }

    /** The lead of this referral is refused from now on (a plug-in or a duplicate rule, say). */
    public void refuse(String referralId) {
        refused.add(referralId);
    }

    public void accept(String referralId) {
        refused.remove(referralId);
    }

    /** Every later call fails with {@code e} until {@link #up()}. */
    public synchronized void down(LeadDestinationException e) {
        down = e;
    }

    public synchronized void up() {
        down = null;
    }

    public synchronized Map<String, LeadDraft> leads() {
        return Map.copyOf(leads);
    }

    public synchronized Optional<String> leadId(String referralId) {
        return Optional.ofNullable(leadIds.get(referralId));
    }

    /** Every batch received, in order. */
    public synchronized List<List<LeadDraft>> batches() {
        return List.copyOf(batches);
    }

    public synchronized int draftsReceived() {
        return batches.stream().mapToInt(List::size).sum();
    }

    @Override
    public LeadLimits limits() {
        return DATAVERSE_LIMITS;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public synchronized List<LeadWrite> upsert(List<LeadDraft> drafts) {
        if (down != null) {
            throw down;
        }
        batches.add(List.copyOf(drafts));
        List<LeadWrite> results = new ArrayList<>();
        for (LeadDraft draft : drafts) {
            String key = draft.referralId().value();
            if (refused.contains(key)) {
                results.add(new LeadWrite.Rejected(
                        draft.referralId(), "refused_by_test", "The test refused it", Optional.of("req-" + key)));
                continue;
            }
            String existing = leadIds.get(key);
            leads.put(key, draft);
            if (existing == null) {
                String leadId = "lead-" + (leadIds.size() + 1);
                leadIds.put(key, leadId);
                results.add(new LeadWrite.Created(draft.referralId(), leadId));
            } else {
                results.add(new LeadWrite.Updated(draft.referralId(), existing));
            }
        }
        return results;
    }
}
