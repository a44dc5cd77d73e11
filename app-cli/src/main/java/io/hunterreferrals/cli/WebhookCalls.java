package io.hunterreferrals.cli;

import io.hunterreferrals.app.wiring.WebhookWiring;
import io.hunterreferrals.core.webhook.WebhookRegistry;
import io.hunterreferrals.core.webhook.WebhookRegistryErrorCode;
import io.hunterreferrals.core.webhook.WebhookRegistryException;
import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

/** What the {@code hunter webhooks} commands share: the registry, the endpoint's URL, and one mapping of failures. */
final class WebhookCalls {

    private WebhookCalls() {}

    static WebhookRegistry registry(CliContext context) {
        return WebhookWiring.registry(
                context.settings(), context.auth(context.settings().partnerCenter()));
    }

    /** This server's endpoint: the one given, or HUNTER_PUBLIC_URL's. */
    static URI ourUrl(CliContext context, URI given) {
        if (given != null) {
            return given;
        }
        return context.settings()
                .webhooks()
                .url()
                .orElseThrow(() -> new CliException(
                        ExitCode.USAGE,
                        "webhook_url_missing",
                        "Name the URL Partner Center should call (--url https://.../api/v1/partner-center/webhooks), "
                                + "or set HUNTER_PUBLIC_URL."));
    }

    /** Runs one registry call; its failure becomes the exit code for it, with Partner Center's request id. */
    static <T> T call(WebhookRegistry registry, Function<WebhookRegistry, T> call) {
        return call(() -> call.apply(registry));
    }

    /** As {@link #call(WebhookRegistry, Function)}, for a use case that calls the registry. */
    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebhookRegistryException e) {
            ExitCode exit = e.code() == WebhookRegistryErrorCode.SIGN_IN_REQUIRED
                    ? ExitCode.SIGN_IN_REQUIRED
                    : ExitCode.PARTNER_CENTER_ERROR;
            String status = e.httpStatus().map(s -> "HTTP " + s + ", ").orElse("");
            throw new CliException(
                    exit,
                    "webhook_" + e.code().code(),
                    e.getMessage() + " (" + status + "request id "
                            + e.requestId().orElse("none") + ")",
                    e);
        }
    }
}
