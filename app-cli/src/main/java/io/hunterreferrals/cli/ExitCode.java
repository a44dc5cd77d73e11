package io.hunterreferrals.cli;

/**
 * The documented exit codes of {@code hunter}; each failure has its own, so scripts and schedulers can tell "sign in
 * again" from "Partner Center is down" without parsing text. README.md lists them (a test checks it does).
 */
enum ExitCode {
    SUCCESS(0, "success"),
    INTERNAL_ERROR(1, "unexpected internal error (a bug: please report it with the log)"),
    USAGE(2, "invalid command line (unknown command or option, missing argument) or unreadable input file"),
    PARTIAL(
            3,
            "finished, but some referrals failed (sync), some lines were rejected (leads import) or some leads were refused (dynamics push)"),
    FEATURE_DISABLED(
            4,
            "the feature is switched off: HUNTER_PARTNER_CENTER_ENABLED (sync) or HUNTER_DYNAMICS_ENABLED (dynamics push) is not true"),
    CONFIG_INVALID(5, "the configuration is missing or invalid (run `hunter config check`)"),
    SIGN_IN_REQUIRED(6, "no usable sign-in: run `hunter auth login`"),
    PARTNER_CENTER_ERROR(
            7, "Partner Center refused or failed the request (HTTP status, error code and request id are shown)"),
    BUSY(
            8,
            "another sync or push is in progress, or (db restore) other hunter processes use the database; "
                    + "nothing was done"),
    DATABASE_ERROR(9, "the database cannot be reached, started or migrated"),
    NOT_FOUND(10, "the referral, event or file named on the command line does not exist"),
    TOOL_MISSING(
            11,
            "an external program is missing or of the wrong major version (psql for `hunter db shell`; "
                    + "pg_dump and psql of the server's major for `db backup` and `db restore`)"),
    MIGRATIONS_PENDING(12, "`hunter db info`: the database lacks migrations this build has (run `hunter db migrate`)"),
    BACKUP_FAILED(
            13,
            "the backup did not complete or did not verify (no file was kept), or the restore failed (nothing "
                    + "was changed)"),
    NOT_CONFIRMED(14, "a command that replaces data was not confirmed (--yes); nothing was changed"),
    INTERRUPTED(
            15,
            "the sync was stopped (Ctrl-C or shutdown) after the page in hand; the next `hunter sync` resumes there"),
    DYNAMICS_ERROR(
            16,
            "Dynamics 365 refused or failed the request (HTTP status, Dataverse error code and request id are shown)"),
    DYNAMICS_SETUP_REQUIRED(
            17,
            "the custom lead columns or the alternate key are missing or not active yet: run `hunter dynamics setup --apply`"),
    NOTIFY_FAILED(
            18,
            "`hunter notify test`: the channel did not take the test message (why is shown: DNS, connection, TLS, "
                    + "401, 404, timeout ...)"),
    WEBHOOK_CONFLICT(
            19,
            "`hunter webhooks register`: another URL (another tool, e.g. Microsoft's co-sell connector) holds the "
                    + "tenant's one registration; nothing was changed (--force replaces it)"),
    NOT_SUPPORTED(
            20,
            "Partner Center's API offers no way to do this (`hunter webhooks unregister`); what to do instead is shown"),
    WEBHOOK_TEST_FAILED(
            21,
            "`hunter webhooks test`: Partner Center could not deliver its test event to the registered URL, or did not "
                    + "say in time (its attempts are shown)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    int code() {
        return code;
    }

    String meaning() {
        return meaning;
    }
}
