package io.hunterreferrals.cli;

import io.hunterreferrals.core.webhook.WebhookRegistry;
import io.hunterreferrals.core.webhook.WebhookTestResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Asks Partner Center to send its {@code test-created} event to the registered URL and shows each delivery attempt: the
 * only check of the path from Partner Center to this server that Partner Center offers (2 a minute).
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = "Have Partner Center send a test-created event to the registered URL and show how its "
                + "delivery went (Partner Center allows two a minute).")
final class WebhooksTestCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofSeconds(2);

    @Option(
            names = "--wait",
            defaultValue = "30",
            description = "Seconds to wait for Partner Center's delivery result (default ${DEFAULT-VALUE}).")
    int waitSeconds;

    private final CliContext context;

    WebhooksTestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (waitSeconds < 1 || waitSeconds > 600) {
            throw new CliException(ExitCode.USAGE, "invalid_option", "--wait takes 1 to 600 seconds");
        }
        WebhookRegistry registry = WebhookCalls.registry(context);
        String correlationId = WebhookCalls.call(registry, WebhookRegistry::sendTest);
        context.out().println("Test event sent (correlation id " + correlationId + "); waiting for its delivery ...");
        Instant deadline = Instant.now().plusSeconds(waitSeconds);
        WebhookTestResult result;
        do {
            Thread.sleep(POLL.toMillis());
            result = WebhookCalls.call(registry, r -> r.testResult(correlationId));
        } while (!result.delivered() && Instant.now().isBefore(deadline));
        result.attempts()
                .forEach(a -> context.out()
                        .println("  attempt " + a.at().map(Instant::toString).orElse("(no time)") + ": "
                                + a.responseCode() + (a.message().isBlank() ? "" : " " + a.message())
                                + a.systemError().map(e -> " (" + e + ")").orElse("")));
        if (result.delivered()) {
            context.out()
                    .println("Delivered: this server answered Partner Center's test event (" + result.status()
                            + "). `hunter webhooks status` shows when it arrived.");
            return ExitCode.SUCCESS.code();
        }
        throw new CliException(
                ExitCode.WEBHOOK_TEST_FAILED,
                "webhook_test_not_delivered",
                "Partner Center has not delivered the test event (status " + result.status() + ", "
                        + result.attempts().size() + " attempts): check that the registered URL is this server's "
                        + "public https address, that HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED=true, and the "
                        + "server's partner_center_webhook_rejected log events.");
    }
}
