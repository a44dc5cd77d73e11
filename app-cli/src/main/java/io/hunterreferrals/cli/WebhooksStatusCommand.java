package io.hunterreferrals.cli;

import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.core.webhook.WebhookActivity;
import io.hunterreferrals.core.webhook.WebhookRegistration;
import io.hunterreferrals.core.webhook.WebhookRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** What Partner Center has registered, whether it is this server's, and what this server has received. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show the tenant's webhook registration (and whether it calls this server) and the webhook "
                + "calls this server received.")
final class WebhooksStatusCommand implements Callable<Integer> {

    private final CliContext context;

    WebhooksStatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        WebhookRegistry registry = WebhookCalls.registry(context);
        Optional<WebhookRegistration> current = WebhookCalls.call(registry, WebhookRegistry::current);
        Optional<URI> ours = context.settings().webhooks().url();
        var out = context.out();
        out.println("This server:   " + (context.settings().webhooks().enabled() ? "takes webhooks" : "webhooks off")
                + " (HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED), endpoint "
                + ours.map(URI::toString).orElse("unknown (HUNTER_PUBLIC_URL unset)"));
        if (current.isEmpty()) {
            out.println("Registration: none. Register this server with `hunter webhooks register`.");
        } else {
            WebhookRegistration registration = current.get();
            String owner = ours.map(url -> registration.sendsTo(url) ? "this server" : "ANOTHER URL")
                    .orElse("unknown");
            out.println("Registration: " + registration.url() + " (" + owner + ")");
            out.println("  events:     " + String.join(", ", registration.events())
                    + (registration.coversEverything() ? "" : " (missing some this product needs)"));
            registration.lastModified().ifPresent(at -> out.println("  changed:    " + at));
            if (ours.isPresent() && !registration.sendsTo(ours.get())) {
                out.println("  Partner Center sends every referral event there, not here. If it is Microsoft's "
                        + "co-sell connector, taking it over stops the connector's lead sync: see the runbook.");
            }
        }
        try (Storage storage = context.openStorage(context.settings().database())) {
            WebhookActivity activity = storage.hints().activity();
            out.println("Received:     last call "
                    + activity.lastReceived().map(Instant::toString).orElse("never")
                    + activity.lastEvent().map(e -> " (" + e.wireName() + ")").orElse("")
                    + ", last test event "
                    + activity.lastTestReceived().map(Instant::toString).orElse("never")
                    + ", " + activity.pending() + " pending, " + activity.gaveUp() + " given up");
        }
        return ExitCode.SUCCESS.code();
    }
}
