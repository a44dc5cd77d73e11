package io.hunterreferrals.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Says what to do instead: Partner Center's webhook API has no documented way to delete a registration. */
@Command(
        name = "unregister",
        mixinStandardHelpOptions = true,
        description = "Partner Center's API cannot delete a registration: says what to do instead.")
final class WebhooksUnregisterCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new CliException(
                ExitCode.NOT_SUPPORTED,
                "webhook_unregister_not_supported",
                "Partner Center's webhook API has no call that deletes a registration (only GET, POST and PUT "
                        + "are documented). To stop the calls here, set HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED=false "
                        + "(this server then refuses them with 503, and Partner Center gives up after 10 attempts), or "
                        + "give the registration to another receiver with `hunter webhooks register --url ... --force`. "
                        + "The scheduled sync keeps the referrals current either way.");
    }
}
