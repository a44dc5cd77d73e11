package io.hunterreferrals.cli;

import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncProgress;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRunId;
import java.io.PrintWriter;

/** A one-line progress bar on stderr (pages, referrals, and a percentage when Partner Center announced a total). */
final class ProgressBar implements SyncListener {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void pageProcessed(SyncRunId runId, SyncProgress progress) {
        StringBuilder line = new StringBuilder("\rSyncing: page ")
                .append(progress.pagesFetched())
                .append(" | ")
                .append(progress.fetched());
        if (progress.expectedTotal().isPresent() && progress.expectedTotal().getAsLong() > 0) {
            long total = progress.expectedTotal().getAsLong();
            int filled = (int) Math.min(WIDTH, progress.fetched() * WIDTH / total);
            line.append('/')
                    .append(total)
                    .append(" referrals [")
                    .append("#".repeat(filled))
                    .append("-".repeat(WIDTH - filled))
                    .append("] ")
                    .append(Math.min(100, progress.fetched() * 100 / total))
                    .append('%');
        } else {
            line.append(" referrals");
        }
        line.append(" (")
                .append(progress.created())
                .append(" created, ")
                .append(progress.updated())
                .append(" updated, ")
                .append(progress.skipped())
                .append(" skipped, ")
                .append(progress.failed())
                .append(" failed)  ");
        err.print(line);
        err.flush();
        drawn = true;
    }

    @Override
    public void runFinished(SyncReport report) {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
