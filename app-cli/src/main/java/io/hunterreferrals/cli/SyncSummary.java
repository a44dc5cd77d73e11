package io.hunterreferrals.cli;

import io.hunterreferrals.core.sync.SkipReason;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncStatus;
import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** The runbook's summary block (phase 3.1), exactly, followed by the reasons and the paging facts. */
final class SyncSummary {

    private SyncSummary() {}

    static void print(SyncReport report, PrintWriter out) {
        if (report.dryRun()) {
            out.println("Dry run: nothing was written (referrals, companies and the watermark are unchanged).");
        }
        out.println(
                report.status() == SyncStatus.FAILED
                        ? "Partner Center sync failed:"
                        : "Partner Center sync completed:");
        out.println("  - Success: " + report.successCount());
        out.println("  - Failed: " + report.failedCount());
        out.println("  - Skipped: " + report.skippedCount());
        out.println("  - Total processed: " + report.totalProcessed());
        out.println();
        out.println("Success: " + report.created() + " created, " + report.updated() + " updated");
        out.println("Skipped reasons: " + skipped(report.skippedReasons()));
        out.println("Failed reasons: " + failed(report.failedReasons()));
        out.println("Pages fetched: " + report.pagesFetched() + " (" + report.totalFetched() + " referrals, "
                + report.mode().code() + " sync, " + report.duration().toMillis() + " ms)");
        out.println("Task id: " + report.runId());
        if (report.totalFetched() == 0 && report.status() == SyncStatus.SUCCEEDED) {
            out.println("Partner Center returned no referrals"
                    + (report.watermarkBefore().isPresent()
                            ? " changed since the last sync (`hunter sync --full` re-reads all)."
                            : "."));
        }
        if (report.isPartial()) {
            out.println("Partial: " + report.failedCount()
                    + (report.dryRun()
                            ? " referrals would be quarantined"
                            : " referrals could not be stored and are quarantined (`hunter sync failures` shows them);")
                    + " the watermark moved past them, so they do not slow later syncs.");
        }
        out.flush();
    }

    private static String skipped(Map<SkipReason, Integer> reasons) {
        return reasons.isEmpty()
                ? "none"
                : reasons.entrySet().stream()
                        .map(e -> e.getKey().code() + "=" + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    private static String failed(Map<String, Integer> reasons) {
        return reasons.isEmpty()
                ? "none"
                : reasons.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "));
    }
}
