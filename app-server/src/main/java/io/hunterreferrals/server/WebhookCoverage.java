package io.hunterreferrals.server;

import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralOutcome;
import io.hunterreferrals.core.sync.SourceQuery;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.core.sync.WriteOutcome;
import io.hunterreferrals.core.webhook.HintQueue;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health figure of the webhook path: after each incremental list read (the safety net), how many of the referrals
 * it found new or changed no webhook had announced. With webhooks working that is near zero, since a hinted referral
 * was already stored and reads as unchanged; a rising figure means events are being lost (a changed host, Microsoft's
 * connector taking the registration over, an outage past Partner Center's ten attempts).
 */
final class WebhookCoverage implements SyncListener {

    /** A hint this old no longer explains a change (Partner Center's retries end well within it). */
    static final Duration ANNOUNCED_WITHIN = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.webhook");
    /** A run that finds more than this is a catch-up, not a health check: it is counted, not listed. */
    private static final int MAX_TRACKED = 10_000;

    private final HintQueue queue;
    private final MeterRegistry registry;
    private final Map<SyncRunId, Set<ReferralId>> found = new ConcurrentHashMap<>();

    WebhookCoverage(HintQueue queue, MeterRegistry registry) {
        this.queue = queue;
        this.registry = registry;
    }

    @Override
    public void runStarted(SyncRunId runId, SyncRequest request, SourceQuery query) {
        if (request.mode() == SyncMode.INCREMENTAL && !request.dryRun()) {
            found.put(runId, new HashSet<>());
        }
    }

    @Override
    public void referralProcessed(SyncRunId runId, ReferralOutcome outcome) {
        Set<ReferralId> ids = found.get(runId);
        if (ids != null
                && ids.size() < MAX_TRACKED
                && outcome instanceof ReferralOutcome.Stored stored
                && stored.write() != WriteOutcome.UNCHANGED) {
            ids.add(stored.id());
        }
    }

    @Override
    public void runFinished(SyncReport report) {
        Set<ReferralId> ids = found.remove(report.runId());
        if (ids == null || report.status() == SyncStatus.FAILED) {
            return;
        }
        int unannounced;
        try {
            unannounced = ids.size()
                    - queue.announced(ids, report.startedAt().minus(ANNOUNCED_WITHIN))
                            .size();
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .setMessage("webhook_coverage_unreadable")
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log();
            return;
        }
        registry.counter("hunter.webhook.unannounced").increment(unannounced);
        LOG.atInfo()
                .setMessage("webhook_coverage")
                .addKeyValue("run_id", report.runId().toString())
                .addKeyValue("found", ids.size())
                .addKeyValue("unannounced", unannounced)
                .log();
    }
}
