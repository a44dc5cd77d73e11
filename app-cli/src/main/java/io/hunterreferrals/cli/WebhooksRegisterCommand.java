package io.hunterreferrals.cli;

import io.hunterreferrals.core.webhook.RegisterWebhook;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Registers this server for every referral event. The tenant has one registration, shared with Microsoft's co-sell
 * connector and other tools: another URL is replaced only with {@code --force}, and the command says which.
 */
@Command(
        name = "register",
        mixinStandardHelpOptions = true,
        description = "Register this server's webhook URL for every referral event (the tenant has ONE registration: "
                + "another tool's URL is replaced only with --force).")
final class WebhooksRegisterCommand implements Callable<Integer> {

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "The public https URL Partner Center calls (default: HUNTER_PUBLIC_URL"
                    + "/api/v1/partner-center/webhooks).")
    URI url;

    @Option(names = "--force", description = "Replace a registration that sends to another URL.")
    boolean force;

    private final CliContext context;

    WebhooksRegisterCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        URI target = WebhookCalls.ourUrl(context, url);
        try {
            RegisterWebhook.checkUrl(target);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "invalid_webhook_url", e.getMessage());
        }
        RegisterWebhook register = new RegisterWebhook(WebhookCalls.registry(context));
        RegisterWebhook.Outcome outcome = WebhookCalls.call(() -> register.register(target, force));
        var out = context.out();
        return switch (outcome) {
            case RegisterWebhook.Outcome.Registered registered -> {
                registered
                        .replaced()
                        .ifPresent(other -> out.println("Replaced the registration that sent to " + other + "."));
                out.println("Registered: Partner Center sends "
                        + String.join(", ", registered.registration().events()) + " to "
                        + registered.registration().url() + ". Check it with `hunter webhooks test`.");
                yield ExitCode.SUCCESS.code();
            }
            case RegisterWebhook.Outcome.Unchanged unchanged -> {
                out.println("Already registered: " + unchanged.registration().url() + " gets every referral event; "
                        + "nothing was changed.");
                yield ExitCode.SUCCESS.code();
            }
            case RegisterWebhook.Outcome.Conflict conflict ->
                throw new CliException(
                        ExitCode.WEBHOOK_CONFLICT,
                        "webhook_registration_conflict",
                        "The tenant's one webhook registration sends to "
                                + conflict.current().url()
                                + " (events: "
                                + String.join(", ", conflict.current().events()) + "), not to "
                                + target + ". If that is Microsoft's co-sell connector or another tool, replacing it "
                                + "stops its events; run again with --force to replace it. Nothing was changed.");
        };
    }
}
