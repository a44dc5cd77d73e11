package io.hunterreferrals.postgres.backup;

import java.util.Objects;

/**
 * A backup or restore that did not happen, with a stable code and a message an operator can act on. When this is thrown
 * nothing was kept (backup) or nothing was changed (restore).
 */
public final class BackupException extends RuntimeException {

    /** Why; the text of each is part of the CLI's output and stays stable. */
    public enum Reason {
        /** No pg_dump / psql of the server's major on this machine. */
        CLIENT_MISSING("pg_client_missing"),
        /** pg_dump or psql failed, or the dump is not complete. */
        DUMP_FAILED("backup_failed"),
        /** The dump restored into a scratch database differs from the source, or did not restore. */
        VERIFY_FAILED("backup_not_verified"),
        /** The file to restore is missing or not a complete pg_dump file. */
        NOT_A_BACKUP("not_a_backup"),
        /** Other hunter processes use the database that a restore would replace. */
        IN_USE("database_in_use"),
        /** The restore itself failed; its single transaction was rolled back. */
        RESTORE_FAILED("restore_failed");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    BackupException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    BackupException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
