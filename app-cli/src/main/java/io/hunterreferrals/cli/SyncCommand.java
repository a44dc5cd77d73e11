package io.hunterreferrals.cli;

import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.config.Setting;
import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.app.wiring.SyncWiring;
import io.hunterreferrals.core.sync.RunPolicy.Decision;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.partnercenter.AuthStatus;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runbook phase 3.1: one sync, in this process. Each reason a sync cannot run has its own exit code and message, so an
 * "all zero" summary never hides a switched-off flag or a missing sign-in (the predecessor's worst trap).
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        subcommands = SyncFailuresCommand.class,
        description = "Sync referrals from Partner Center now and print the summary (runbook phase 3); "
                + "`hunter sync failures` lists the referrals it could not store.")
final class SyncCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.cli.sync");

    @Option(names = "--full", description = "Re-read every referral instead of those changed since the last sync.")
    boolean full;

    @Option(names = "--dry-run", description = "Fetch and evaluate, but write nothing.")
    boolean dryRun;

    private final CliContext context;

    SyncCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        HunterSettings settings = context.settings();
        if (SyncWiring.runPolicy().direct(settings.partnerCenter().enabled()) instanceof Decision.Skip skip) {
            LOG.atWarn()
                    .setMessage("partner_center_sync_skipped")
                    .addKeyValue("source", "partner_center")
                    .addKeyValue("reason", skip.reason().code())
                    .log();
            String flag = Setting.PARTNER_CENTER_ENABLED.variable();
            throw new CliException(
                    ExitCode.FEATURE_DISABLED,
                    skip.reason().code(),
                    "The Partner Center sync is "
                            + "switched off, so nothing was synced: " + flag + " is not true. Set " + flag
                            + "=true in .env or the environment and run `hunter sync` again.");
        }
        PartnerCenterAuth auth = context.auth(settings.partnerCenter());
        requireSignIn(auth);
        SyncRequest request = SyncRequest.of(SyncTrigger.CLI, full ? SyncMode.FULL : SyncMode.INCREMENTAL);
        try (Storage storage = context.openStorage(settings.database())) {
            return new SyncRun(context).run(settings, auth, storage, dryRun ? request.asDryRun() : request);
        }
    }

    /** Checked locally first, so "never signed in" is a clear message instead of a failed run. */
    private static void requireSignIn(PartnerCenterAuth auth) {
        AuthStatus status = auth.status();
        String reason = switch (status) {
            case AuthStatus.SignedIn in -> null;
            case AuthStatus.SignedOut out -> out.reason();
            case AuthStatus.CacheUnreadable unreadable -> unreadable.message();
        };
        if (reason != null) {
            LOG.atError()
                    .setMessage("partner_center_auth_error")
                    .addKeyValue("source", "partner_center")
                    .addKeyValue("error_code", "sign_in_required")
                    .log();
            throw new CliException(
                    ExitCode.SIGN_IN_REQUIRED,
                    "sign_in_required",
                    "Not signed in to Partner Center: " + reason + " Then run `hunter sync` again.");
        }
    }
}
