package io.hunterreferrals.cli;

import picocli.CommandLine.Command;

@Command(
        name = "webhooks",
        mixinStandardHelpOptions = true,
        description = "Partner Center's referral webhooks: the tenant's one registration, a test event, and what this "
                + "server received (docs/adr/0015; HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED).",
        subcommands = {
            WebhooksStatusCommand.class,
            WebhooksRegisterCommand.class,
            WebhooksTestCommand.class,
            WebhooksUnregisterCommand.class
        })
final class WebhooksCommand extends CommandGroup {}
