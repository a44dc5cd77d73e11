package io.hunterreferrals.dynamics;

import io.hunterreferrals.core.push.LeadDestination;
import io.hunterreferrals.core.push.LeadDraft;
import io.hunterreferrals.core.push.LeadLimits;
import io.hunterreferrals.core.push.LeadWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's {@link LeadDestination} on Dynamics 365: each draft becomes an upsert of the lead keyed by its referral id
 * ({@code PATCH leads(<prefix>_partnercenterreferralid='<id>')}, the key in the URL only), many per {@code $batch},
 * mapped as ADR 0012 says ({@link LeadBody}). It never sends {@code statecode} or {@code statuscode}: a lead's state is
 * the sales team's. Build it with {@link DataverseClientFactory}. Thread-safe.
 */
public final class DataverseLeadDestination implements LeadDestination {

    private static final Logger LOG = LoggerFactory.getLogger(DataverseLeadDestination.class);

    private final DataverseConfig config;
    private final LeadColumns columns;
    private final LeadBody bodies;
    private final CurrencyIds currencies;
    private final LeadBatch batch;

    DataverseLeadDestination(DataverseConfig config, LeadColumns columns, CurrencyIds currencies, LeadBatch batch) {
        this.config = config;
        this.columns = columns;
        this.bodies = new LeadBody(columns);
        this.currencies = currencies;
        this.batch = batch;
    }

    /** ADR 0012's column lengths (lead.md v9.0). */
    @Override
    public LeadLimits limits() {
        return LeadColumns.LIMITS;
    }

    @Override
    public int batchSize() {
        return config.batchSize();
    }

    /**
     * One {@code $batch} per {@link #batchSize()} drafts (the push passes at most that many, so one in practice).
     *
     * @throws io.hunterreferrals.core.push.LeadDestinationException when Dynamics 365 cannot take leads at all:
     *     sign-in, application user, privileges, setup, throttling or an outage past the retry budget
     */
    @Override
    public List<LeadWrite> upsert(List<LeadDraft> drafts) {
        List<LeadWrite> results = new ArrayList<>(drafts.size());
        for (int from = 0; from < drafts.size(); from += config.batchSize()) {
            List<LeadDraft> chunk = drafts.subList(from, Math.min(drafts.size(), from + config.batchSize()));
            List<LeadBatch.Upsert> upserts = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                LeadDraft d = chunk.get(i);
                upserts.add(new LeadBatch.Upsert(
                        d.referralId(),
                        new BatchRequest.Item(
                                Integer.toString(i + 1),
                                ODataLiterals.leadByKey(
                                        columns.keyColumn(), d.referralId().value()),
                                bodies.of(d, currency(d)))));
            }
            List<LeadWrite> written = batch.send(upserts);
            log(written);
            results.addAll(written);
        }
        return results;
    }

    /** The currency to bind the budget to; empty when there is no budget to send or no currency to bind it to. */
    private Optional<UUID> currency(LeadDraft d) {
        return LeadBody.budgetSendable(d) ? currencies.idFor(d.currency()) : Optional.empty();
    }

    private static void log(List<LeadWrite> written) {
        long created =
                written.stream().filter(w -> w instanceof LeadWrite.Created).count();
        long updated =
                written.stream().filter(w -> w instanceof LeadWrite.Updated).count();
        for (LeadWrite w : written) {
            if (w instanceof LeadWrite.Rejected r) {
                // The code and the ids only: Dataverse's message may quote a value.
                LOG.atInfo()
                        .addKeyValue("referral_id", r.referralId().value())
                        .addKeyValue("code", r.code())
                        .addKeyValue("request_id", r.requestId().orElse(null))
                        .log("dynamics_lead_rejected");
            }
        }
        LOG.atInfo()
                .addKeyValue("leads", written.size())
                .addKeyValue("created", created)
                .addKeyValue("updated", updated)
                .addKeyValue("rejected", written.size() - created - updated)
                .log("dynamics_batch_written");
    }
}
