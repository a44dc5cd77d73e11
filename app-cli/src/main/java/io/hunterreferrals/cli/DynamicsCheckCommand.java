package io.hunterreferrals.cli;

import io.hunterreferrals.app.config.DynamicsSettings;
import io.hunterreferrals.app.config.Setting;
import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.dynamics.SetupCheck;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Hamle 2, first step: the settings, a real sign-in (WhoAmI), and whether the lead columns and the key are ready. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Sign in to Dynamics 365 (WhoAmI) and check that the custom lead columns and the alternate key "
                + "the push needs are there and active.")
final class DynamicsCheckCommand implements Callable<Integer> {

    private final CliContext context;

    DynamicsCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DynamicsSettings settings = context.settings().dynamics();
        PrintWriter out = context.out();
        DynamicsClients.describe(settings, out);
        SetupCheck check;
        try {
            check = DynamicsClients.open(settings).setup().check();
        } catch (LeadDestinationException e) {
            throw DynamicsFailures.of(e);
        }
        out.println("Signed in: application user " + check.whoAmI().userId() + ", organization "
                + check.whoAmI().organizationId());
        check.warnings().forEach(w -> out.println("Warning: " + w));
        if (!check.ready()) {
            check.missing().forEach(line -> out.println("  - " + line));
            throw new CliException(
                    ExitCode.DYNAMICS_SETUP_REQUIRED,
                    "dynamics_setup_required",
                    "Dynamics 365 is not ready for the push: run `hunter dynamics setup --apply`.");
        }
        out.println("Ready: the lead columns and the alternate key are in place"
                + (settings.enabled()
                        ? "."
                        : "; the push is off until " + Setting.DYNAMICS_ENABLED.variable() + "=true."));
        out.flush();
        return ExitCode.SUCCESS.code();
    }
}
