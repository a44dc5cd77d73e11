package io.hunterreferrals.cli;

import io.hunterreferrals.postgres.backup.BackupException;
import io.hunterreferrals.postgres.backup.PgClientTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What {@code db backup} and {@code db restore} share: the client programs, their exit codes and how counts read. */
final class DbTools {

    /** Long enough for a large database; a pg_dump that hangs longer is stopped. */
    static final Duration TIMEOUT = Duration.ofHours(2);

    private DbTools() {}

    static PgClientTools clients(CliContext context) {
        return new PgClientTools(context.environment(), Path.of("/usr/lib/postgresql"));
    }

    static CliException failure(BackupException e) {
        ExitCode exit = switch (e.reason()) {
            case CLIENT_MISSING -> ExitCode.TOOL_MISSING;
            case IN_USE -> ExitCode.BUSY;
            case DUMP_FAILED, VERIFY_FAILED, NOT_A_BACKUP, RESTORE_FAILED -> ExitCode.BACKUP_FAILED;
        };
        return new CliException(exit, e.reason().code(), e.getMessage(), e);
    }

    /** {@code companies 12, partner_center_referrals 250, ...}, by table name. */
    static String counts(Map<String, Long> counts) {
        return new TreeMap<>(counts)
                .entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
