package io.hunterreferrals.postgres.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** psql as backup and restore use it: no ~/.psqlrc, stop at the first error, one transaction. */
final class Psql {

    private Psql() {}

    /**
     * Plays a plain-format dump into the database {@code target} names, all or nothing.
     *
     * @return empty when it restored; otherwise psql's last lines
     */
    static Optional<String> play(Path psql, PgClientConnection target, Path file, Duration timeout) {
        ExternalProcess.Result result = run(
                psql,
                target,
                timeout,
                List.of("--quiet", "--set", "ON_ERROR_STOP=1", "--single-transaction", "--file", file.toString()));
        return result.succeeded()
                ? Optional.empty()
                : Optional.of("psql exit " + result.exitCode() + ": " + result.tail());
    }

    static Map<String, Long> counts(Path psql, PgClientConnection target, Duration timeout) {
        ExternalProcess.Result result = run(
                psql,
                target,
                timeout,
                List.of("--tuples-only", "--no-align", "--field-separator=|", "--command", TableCounts.SQL));
        if (!result.succeeded()) {
            throw new BackupException(
                    BackupException.Reason.VERIFY_FAILED, "Cannot count the restored rows: " + result.tail());
        }
        return TableCounts.parse(result.output());
    }

    private static ExternalProcess.Result run(
            Path psql, PgClientConnection target, Duration timeout, List<String> args) {
        List<String> command = new ArrayList<>(List.of(psql.toString(), "--no-psqlrc"));
        command.addAll(target.arguments());
        command.addAll(args);
        Map<String, String> environment = new java.util.HashMap<>(target.environment());
        environment.put("PGAPPNAME", "hunter-restore");
        return ExternalProcess.run(command, environment, null, timeout);
    }
}
