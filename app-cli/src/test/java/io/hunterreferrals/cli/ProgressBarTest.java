package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.sync.SyncProgress;
import io.hunterreferrals.core.sync.SyncRunId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final StringWriter err = new StringWriter();
    private final ProgressBar bar = new ProgressBar(new PrintWriter(err, true));

    @Test
    void showsCreatedAndUpdatedApart() {
        bar.pageProcessed(SyncRunId.random(), new SyncProgress(2, 10, 3, 2, 4, 1, OptionalLong.of(40)));

        assertThat(err.toString())
                .isEqualTo("\rSyncing: page 2 | 10/40 referrals [#######-----------------------] 25%"
                        + " (3 created, 2 updated, 4 skipped, 1 failed)  ");
    }

    @Test
    void withoutAnAnnouncedTotalThereIsNoBar() {
        bar.pageProcessed(SyncRunId.random(), new SyncProgress(1, 5, 0, 5, 0, 0, OptionalLong.empty()));

        assertThat(err.toString())
                .isEqualTo("\rSyncing: page 1 | 5 referrals (0 created, 5 updated, 0 skipped, 0 failed)  ");
    }
}
