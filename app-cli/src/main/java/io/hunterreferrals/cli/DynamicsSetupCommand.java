package io.hunterreferrals.cli;

import io.hunterreferrals.app.config.DynamicsSettings;
import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.dynamics.DataverseSetup;
import io.hunterreferrals.dynamics.SetupCheck;
import io.hunterreferrals.dynamics.SetupOutcome;
import io.hunterreferrals.dynamics.SetupProgress;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Hamle 2, setup: lists the custom lead columns and the alternate key the push needs that are missing; with
 * {@code --apply} creates them through the metadata API and waits, with progress, until the key is Active.
 */
@Command(
        name = "setup",
        mixinStandardHelpOptions = true,
        description = "List the custom lead columns and the alternate key the push needs that are missing; --apply "
                + "creates them and waits until the key is active (a few minutes on a large organisation).")
final class DynamicsSetupCommand implements Callable<Integer> {

    @Option(names = "--apply", description = "Create what is missing (needs the System Customizer role).")
    boolean apply;

    private final CliContext context;

    DynamicsSetupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DynamicsSettings settings = context.settings().dynamics();
        PrintWriter out = context.out();
        DynamicsClients.describe(settings, out);
        try {
            DataverseSetup setup = DynamicsClients.open(settings).setup();
            return apply ? apply(setup, out) : list(setup.check(), out);
        } catch (LeadDestinationException e) {
            throw DynamicsFailures.of(e);
        }
    }

    private static int list(SetupCheck check, PrintWriter out) {
        if (check.ready()) {
            out.println("Nothing to do: every lead column and the alternate key are in place and active.");
            return ExitCode.SUCCESS.code();
        }
        out.println("Missing (`hunter dynamics setup --apply` creates them):");
        check.missing().forEach(line -> out.println("  - " + line));
        out.flush();
        return ExitCode.DYNAMICS_SETUP_REQUIRED.code();
    }

    private static int apply(DataverseSetup setup, PrintWriter out) {
        SetupOutcome outcome = setup.apply(progress -> {
            out.println(
                    switch (progress) {
                        case SetupProgress.ColumnCreated c ->
                            "Created column " + c.logicalName() + " (" + c.type()
                                    + (c.maxLength() > 0 ? ", " + c.maxLength() : "") + ")";
                        case SetupProgress.KeyCreated k ->
                            "Created alternate key " + k.schemaName() + " on " + k.column();
                        case SetupProgress.KeyIndexing i ->
                            "Alternate key: " + i.status() + " (" + i.elapsed().toSeconds() + " s)";
                    });
            out.flush();
        });
        return switch (outcome) {
            case SetupOutcome.Ready ready -> {
                out.println(
                        ready.created().isEmpty()
                                ? "Nothing to do: Dynamics 365 was ready."
                                : "Setup complete: " + ready.created().size() + " created; the key is active. Next: "
                                        + "`hunter dynamics push --dry-run`, then `hunter dynamics push`.");
                yield ExitCode.SUCCESS.code();
            }
            case SetupOutcome.StillIndexing still ->
                throw new CliException(ExitCode.DYNAMICS_SETUP_REQUIRED, "dynamics_key_indexing", still.advice());
            case SetupOutcome.KeyFailed failed -> {
                failed.duplicates()
                        .forEach(d -> out.println("  - referral id " + d.value() + " is held by leads "
                                + String.join(", ", d.leadIds())));
                throw new CliException(ExitCode.DYNAMICS_SETUP_REQUIRED, "dynamics_key_failed", failed.fix());
            }
            case SetupOutcome.Blocked blocked ->
                throw new CliException(ExitCode.DYNAMICS_SETUP_REQUIRED, "dynamics_setup_blocked", blocked.fix());
        };
    }
}
