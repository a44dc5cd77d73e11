package io.hunterreferrals.server;

import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.logging.WebhookEventLogger;
import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.app.wiring.WebhookWiring;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncReferrals;
import io.hunterreferrals.core.webhook.ApplyHints;
import io.hunterreferrals.core.webhook.HintRetry;
import io.hunterreferrals.core.webhook.ReceiveWebhook;
import io.hunterreferrals.core.webhook.RegisterWebhook;
import io.hunterreferrals.core.webhook.WebhookListener;
import io.hunterreferrals.core.webhook.WebhookReader;
import io.hunterreferrals.core.webhook.WebhookRegistryException;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partner Center's webhooks in the server, when {@code HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED} is on: the endpoint's
 * use case for the API role, the worker that applies hints on the scheduler roles, and the safety-net sync's coverage
 * figure. Off, the endpoint answers 503 and nothing else changes.
 */
final class ServerWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(ServerWebhooks.class);

    private final Optional<WebhookReader> reader;
    private final Storage storage;
    private final WebhookListener listener;
    private final MeterRegistry registry;
    private final Clock clock;

    private ServerWebhooks(Optional<WebhookReader> reader, Storage storage, MeterRegistry registry, Clock clock) {
        this.reader = reader;
        this.storage = storage;
        this.registry = registry;
        this.clock = clock;
        this.listener = WebhookListener.all(List.of(new WebhookEventLogger(), new WebhookMetrics(registry)));
    }

    /** @param reader the signature checker; empty when webhooks are off */
    static ServerWebhooks wire(Optional<WebhookReader> reader, Storage storage, MeterRegistry registry, Clock clock) {
        return new ServerWebhooks(reader, storage, registry, clock);
    }

    boolean enabled() {
        return reader.isPresent();
    }

    /** What the endpoint runs; empty when webhooks are off. */
    Optional<ReceiveWebhook> receive() {
        return reader.map(r -> new ReceiveWebhook(r, storage.hints(), clock, listener));
    }

    /** The coverage figure after each incremental list read; none when webhooks are off. */
    List<SyncListener> syncListeners() {
        return enabled() ? List.of(new WebhookCoverage(storage.hints(), registry)) : List.of();
    }

    /** Starts applying hints with {@code sync}, the same sync the schedule runs; empty when webhooks are off. */
    Optional<HintWorker> startWorker(SyncReferrals sync) {
        if (!enabled()) {
            return Optional.empty();
        }
        ApplyHints apply = new ApplyHints(storage.hints(), sync, HintRetry.DEFAULT, clock, listener);
        return Optional.of(HintWorker.start(apply, storage.hints(), clock));
    }

    /**
     * {@code hunter server --demo}: registers this server's loopback endpoint with the demo's simulated Partner Center,
     * so a referral the demo adds arrives within a second instead of at the next scheduled sync. Never by force: a
     * registration another tool made in the simulator stays, and the demo then relies on its schedule.
     */
    void registerWithDemo(ServerSetup setup, Optional<PartnerCenterAuth> auth, int port) {
        if (!enabled() || !setup.role().servesApi() || setup.demo().isEmpty() || auth.isEmpty()) {
            return;
        }
        URI url = URI.create("http://127.0.0.1:" + port + ReceiveWebhook.PATH);
        HunterSettings settings = setup.settings();
        RegisterWebhook register = new RegisterWebhook(WebhookWiring.registry(settings, auth.get(), setup.demo()));
        try {
            RegisterWebhook.Outcome outcome = register.register(url, false);
            LOG.atInfo()
                    .setMessage("partner_center_webhook_demo_registration")
                    .addKeyValue("outcome", outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT))
                    .log();
        } catch (WebhookRegistryException e) {
            LOG.atWarn()
                    .setMessage("partner_center_webhook_demo_registration_failed")
                    .addKeyValue("code", e.code().code())
                    .addKeyValue("request_id", e.requestId().orElse(null))
                    .log();
        }
    }
}
