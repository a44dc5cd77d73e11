package io.hunterreferrals.cli;

import io.hunterreferrals.app.config.DynamicsSettings;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.config.InvalidConfigurationException;
import io.hunterreferrals.app.config.Setting;
import io.hunterreferrals.app.wiring.DynamicsWiring;
import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.core.push.PushOutcome;
import io.hunterreferrals.core.push.PushReferrals;
import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushReport.PushRunStatus;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.referral.ReferralId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Hamle 2, the push: every stored referral that is due becomes (or updates) its lead in Dynamics 365. */
@Command(
        name = "push",
        mixinStandardHelpOptions = true,
        description = "Push the stored referrals to Dynamics 365 as leads: new ones are created, changed ones updated, "
                + "unchanged ones skipped; prints a summary.")
final class DynamicsPushCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "Map and count, write nothing (neither in Dynamics nor here).")
    boolean dryRun;

    @Option(names = "--referral", paramLabel = "ID", description = "Push this referral only, even if unchanged.")
    String referral;

    private final CliContext context;

    DynamicsPushCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DynamicsSettings settings = context.settings().dynamics();
        if (!settings.enabled()) {
            String flag = Setting.DYNAMICS_ENABLED.variable();
            throw new CliException(
                    ExitCode.FEATURE_DISABLED,
                    "feature_flag_disabled",
                    "The Dynamics 365 push is "
                            + "switched off: " + flag + " is not true. Run `hunter dynamics check`, then set " + flag
                            + "=true in .env or the environment.");
        }
        PushRequest request = PushRequest.of(PushTrigger.CLI);
        request = dryRun ? request.asDryRun() : request;
        if (referral != null) {
            try {
                request = request.only(ReferralId.of(referral));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, "invalid_referral_id", e.getMessage());
            }
        }
        DynamicsClients.describe(settings, context.out());
        try (Storage storage = context.openStorage(context.settings().database())) {
            if (referral != null
                    && storage.pushStates().find(ReferralId.of(referral)).isEmpty()) {
                throw new CliException(
                        ExitCode.NOT_FOUND,
                        "referral_not_found",
                        "No referral with id " + referral
                                + " is stored. `hunter referrals list --search <text>` finds ids.");
            }
            PushOutcome outcome = pushReferrals(storage).push(request);
            return switch (outcome) {
                case PushOutcome.Busy busy ->
                    throw new CliException(
                            ExitCode.BUSY,
                            "push_in_progress",
                            "Another push is running (" + busy.activeRun()
                                    + "); nothing was done. Try again when it ends.");
                case PushOutcome.Finished finished -> finished(finished.report());
            };
        }
    }

    /** The push, with the write-back of lead ids when it is on (it signs in to Partner Center as the sync does). */
    private PushReferrals pushReferrals(Storage storage) {
        HunterSettings settings = context.settings();
        try {
            return DynamicsWiring.pushReferrals(
                    DynamicsClients.open(settings.dynamics()),
                    storage,
                    settings,
                    () -> context.auth(settings.partnerCenter()),
                    List.of(),
                    () -> false);
        } catch (InvalidConfigurationException e) {
            throw CliContext.configInvalid(e.problems());
        }
    }

    private int finished(PushReport report) {
        var out = context.out();
        if (report.dryRun()) {
            out.println("Dry run: nothing was written (no lead in Dynamics 365, no push state here).");
        }
        out.println(
                report.status() == PushRunStatus.FAILED ? "Dynamics 365 push failed:" : "Dynamics 365 push completed:");
        out.println("  - Created: " + report.created());
        out.println("  - Updated: " + report.updated());
        out.println("  - Skipped: " + report.skippedCount() + reasons(report.skipped()));
        out.println("  - Failed: " + report.failedCount() + reasons(report.failed()));
        if (context.settings().dynamics().writeBack() && !report.dryRun()) {
            out.println("  - Lead ids written back to Partner Center: " + report.writtenBack());
            out.println("  - Lead ids Partner Center did not take: " + report.writeBackRefusedCount()
                    + reasons(report.writeBackRefused()));
        }
        out.println("Push id: " + report.runId() + " (" + report.duration().toMillis() + " ms)");
        if (report.writeBackRefusedCount() > 0) {
            out.println("Write-back: Partner Center did not take " + report.writeBackRefusedCount() + " lead id(s); "
                    + "the leads are in Dynamics 365 all the same, and each reason is on the referral "
                    + "(`hunter referrals show <id>`).");
        }
        if (report.status() == PushRunStatus.PARTIAL) {
            out.println("Partial: Dynamics 365 refused " + report.failedCount() + " lead(s); each is retried by the "
                    + "next push and its reason is on the referral (`hunter referrals show <id>`).");
        }
        out.flush();
        if (report.status() == PushRunStatus.FAILED) {
            throw DynamicsFailures.of(report.error().orElseThrow());
        }
        return (report.status() == PushRunStatus.PARTIAL ? ExitCode.PARTIAL : ExitCode.SUCCESS).code();
    }

    private static String reasons(Map<String, Integer> reasons) {
        return reasons.isEmpty()
                ? ""
                : reasons.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ", " (", ")"));
    }
}
