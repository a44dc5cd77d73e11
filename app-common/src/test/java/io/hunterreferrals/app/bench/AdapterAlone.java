package io.hunterreferrals.app.bench;

import io.hunterreferrals.core.push.LeadDestination;
import io.hunterreferrals.core.push.LeadDraft;
import io.hunterreferrals.core.push.LeadMapping;
import io.hunterreferrals.core.push.LeadWrite;
import io.hunterreferrals.core.push.PushCandidate;
import io.hunterreferrals.core.push.PushFilter;
import io.hunterreferrals.core.push.PushStateStore;
import io.hunterreferrals.core.referral.ReferralId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The profile's middle step between the floor and the push: the product's Dataverse adapter alone, sending the same
 * leads one batch per call, with no database in between. Push minus this is what the database and core add; this minus
 * the floor is what the adapter adds to the simulator's serving (sign-in, the currency look-ups, building and parsing
 * the multipart bodies, its HTTP client settings).
 */
final class AdapterAlone {

    private AdapterAlone() {}

    /** Every stored referral's lead draft, read and mapped as the push does; nothing may have been pushed yet. */
    static List<LeadDraft> drafts(PushStateStore store, LeadDestination destination) {
        LeadMapping mapping = new LeadMapping(destination.limits());
        List<LeadDraft> drafts = new ArrayList<>();
        Optional<ReferralId> after = Optional.empty();
        while (true) {
            List<PushCandidate> page = store.due(PushFilter.ALL, LeadMapping.VERSION, after, 1_000);
            if (page.isEmpty()) {
                return drafts;
            }
            page.forEach(c -> drafts.add(mapping.draft(c)));
            after = Optional.of(page.getLast().referralId());
        }
    }

    /** @return the elapsed seconds for every draft, {@code batchSize()} per call, sequentially */
    static double send(List<LeadDraft> drafts, LeadDestination destination) {
        int size = destination.batchSize();
        int created = 0;
        long t0 = System.nanoTime();
        for (int from = 0; from < drafts.size(); from += size) {
            for (LeadWrite w : destination.upsert(drafts.subList(from, Math.min(drafts.size(), from + size)))) {
                created += w instanceof LeadWrite.Created ? 1 : 0;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (created != drafts.size()) {
            throw new IllegalStateException("the adapter alone created " + created + " of " + drafts.size());
        }
        return seconds;
    }
}
