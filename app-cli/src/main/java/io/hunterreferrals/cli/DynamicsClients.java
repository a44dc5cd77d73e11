package io.hunterreferrals.cli;

import io.hunterreferrals.app.config.DynamicsSettings;
import io.hunterreferrals.app.config.InvalidConfigurationException;
import io.hunterreferrals.app.wiring.DynamicsWiring;
import io.hunterreferrals.dynamics.DataverseClients;
import java.io.PrintWriter;

/** The Dataverse clients for the CLI's commands: a configuration that cannot sign in is exit code 5 with the fixes. */
final class DynamicsClients {

    private DynamicsClients() {}

    static DataverseClients open(DynamicsSettings settings) {
        try {
            return DynamicsWiring.clients(settings);
        } catch (InvalidConfigurationException e) {
            throw new CliException(
                    ExitCode.CONFIG_INVALID,
                    "configuration_invalid",
                    e.getMessage() + "\nRun `hunter config check` for every setting and its source.");
        }
    }

    /** Where the push goes, without the secret: the line every dynamics command starts with. */
    static void describe(DynamicsSettings settings, PrintWriter out) {
        out.println("Dynamics 365: "
                + settings.environmentUrl().map(Object::toString).orElse("(no environment URL)")
                + " as app " + settings.clientId().orElse("(no client id)") + " in tenant "
                + settings.tenantId().orElse("(no tenant)") + " with a "
                + (settings.certificatePath().isPresent() ? "certificate" : "client secret") + ", column prefix "
                + settings.columnPrefix()
                + (settings.simulatorUrl().isPresent()
                        ? " (SIMULATED: " + settings.simulatorUrl().get() + ")"
                        : ""));
    }
}
