package io.hunterreferrals.cli;

import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.logging.SyncTaskLogger;
import io.hunterreferrals.app.wiring.CurrentSyncRun;
import io.hunterreferrals.app.wiring.PartnerCenterEventLogger;
import io.hunterreferrals.app.wiring.PartnerCenterWiring;
import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.app.wiring.SyncWiring;
import io.hunterreferrals.core.sync.ReferralSource;
import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import java.util.ArrayList;
import java.util.List;

/**
 * One sync in this process, recorded in {@code sync_runs} like any other: the task events around it, the progress bar
 * on a terminal, the summary, and the exit code the outcome deserves.
 */
final class SyncRun {

    private final CliContext context;

    SyncRun(CliContext context) {
        this.context = context;
    }

    /** @return the exit code; a failed run prints its summary and then throws with the reason */
    int run(HunterSettings settings, PartnerCenterAuth auth, Storage storage, SyncRequest request) {
        CurrentSyncRun current = new CurrentSyncRun();
        ReferralSource source = PartnerCenterWiring.referralSource(
                settings.partnerCenter(), auth, new PartnerCenterEventLogger(current));
        List<SyncListener> listeners = new ArrayList<>(List.of(current));
        if (context.terminal()) {
            listeners.add(new ProgressBar(context.err()));
        }
        SyncRunId runId = SyncRunId.random();
        SyncRequest forRun = request.forQueuedRun(runId);
        SyncTaskLogger.started(runId, forRun);
        SyncOutcome outcome = SyncWiring.referralSync(source, storage, settings.filter(), listeners)
                .sync(forRun);
        SyncTaskLogger.completed(runId, outcome);
        return switch (outcome) {
            case SyncOutcome.Busy busy ->
                throw new CliException(
                        ExitCode.BUSY,
                        "sync_busy",
                        "Another sync run (task "
                                + busy.activeRun()
                                + ") is in progress, started by the server or another `hunter sync`. Nothing was "
                                + "done; try again when it has finished.");
            case SyncOutcome.Ran ran -> finished(ran.report());
        };
    }

    private int finished(SyncReport report) {
        SyncSummary.print(report, context.out());
        if (report.status() == SyncStatus.FAILED) {
            throw failure(report.error().orElseThrow());
        }
        return (report.isPartial() ? ExitCode.PARTIAL : ExitCode.SUCCESS).code();
    }

    static CliException failure(SyncError error) {
        String code = error.code().code();
        return switch (error.code()) {
            case SIGN_IN_REQUIRED ->
                new CliException(
                        ExitCode.SIGN_IN_REQUIRED,
                        code,
                        error.message() + " Run `hunter auth login`, then `hunter sync` again.");
            case CONFIGURATION_INVALID -> new CliException(ExitCode.CONFIG_INVALID, code, error.message());
            case DATABASE_UNAVAILABLE -> new CliException(ExitCode.DATABASE_ERROR, code, error.message());
            case INTERRUPTED -> new CliException(ExitCode.INTERRUPTED, code, error.message());
            case FORBIDDEN,
                    THROTTLED,
                    PARTNER_CENTER_UNAVAILABLE,
                    NETWORK_ERROR,
                    MALFORMED_PAGE,
                    PAGING_ABORTED,
                    REQUEST_REJECTED ->
                new CliException(
                        ExitCode.PARTNER_CENTER_ERROR,
                        code,
                        "Partner Center error: "
                                + error.message() + " (HTTP status "
                                + error.httpStatus().map(String::valueOf).orElse("none")
                                + ", error code "
                                + error.partnerCenterErrorCode().orElse("none") + ", request id "
                                + error.requestId().orElse("none") + ")");
            // The queue's own codes never end a run the CLI executes in process: seeing one here is a bug.
            case INTERNAL_ERROR, ABANDONED, DISPATCH_FAILED, NOT_DISPATCHED, PARTNER_CENTER_DISABLED, UNRECOGNISED ->
                new CliException(ExitCode.INTERNAL_ERROR, code, error.message());
        };
    }
}
