package io.hunterreferrals.dynamics;

import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.PushErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the alternate key's {@code EntityKeyIndexStatus} until its index job ends (Active or Failed) or the wait runs
 * out. No duration is documented ("can take a long time" on big tables, dataverse.md §3), so the caller chooses the
 * wait and a later run simply resumes it.
 */
final class KeyIndexWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(KeyIndexWatcher.class);

    /** The last status seen and how long it was waited for. */
    record Seen(KeyIndexStatus status, Duration elapsed) {}

    private final SetupInspector inspector;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Duration pollInterval;

    KeyIndexWatcher(SetupInspector inspector, Sleeper sleeper, Clock clock, Duration pollInterval) {
        this.inspector = inspector;
        this.sleeper = sleeper;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    Seen await(Duration timeout, Consumer<SetupProgress> progress) {
        Instant start = clock.instant();
        while (true) {
            KeyIndexStatus status = inspector
                    .key()
                    .status()
                    .orElseThrow(() -> new LeadDestinationException(
                            PushErrorCode.SETUP_REQUIRED,
                            "The alternate key on the referral-id column disappeared while its index was being built;"
                                    + " run `" + WebApiFailures.SETUP_COMMAND + "` again."));
            Duration elapsed = Duration.between(start, clock.instant());
            LOG.atInfo()
                    .addKeyValue("status", status.name().toLowerCase(java.util.Locale.ROOT))
                    .addKeyValue("elapsed_s", elapsed.toSeconds())
                    .log("dynamics_setup_key_status");
            progress.accept(new SetupProgress.KeyIndexing(status, elapsed));
            if (status == KeyIndexStatus.ACTIVE || status == KeyIndexStatus.FAILED || elapsed.compareTo(timeout) >= 0) {
                return new Seen(status, elapsed);
            }
            try {
                sleeper.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Seen(status, Duration.between(start, clock.instant()));
            }
        }
    }
}
