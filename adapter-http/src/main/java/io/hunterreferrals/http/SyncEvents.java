package io.hunterreferrals.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hunterreferrals.core.query.SyncRunQueries;
import io.javalin.config.JavalinConfig;
import io.javalin.http.sse.SseClient;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/partner-center/sync/events}: the sync status as server-sent events, so every open UI sees a run
 * start, progress and finish without polling, whoever started it (the schedule, the CLI, another browser, another
 * instance). Each event ({@code event: status}) carries the body of {@code GET .../sync/status}; one is sent on connect
 * and then whenever it changes.
 *
 * <p>The run log lives in the database and other instances write it too, so there is nothing in-process to listen to:
 * one thread reads the status once per interval, only while someone is connected, and fans the change out. A thousand
 * open browsers cost the database one query per interval, not a thousand. A comment line every {@code keepAlive} lets
 * proxies keep the connection and lets the server notice a browser that went away.
 */
final class SyncEvents {

    static final String PATH = "/api/v1/partner-center/sync/events";
    static final String EVENT = "status";

    private static final Logger LOG = LoggerFactory.getLogger(SyncEvents.class);

    private final SyncRunQueries runs;
    private final BooleanSupplier partnerCenterEnabled;
    private final Duration interval;
    private final long keepAliveTicks;
    /** Each open stream with the status it was last sent, so a change reaches everyone exactly once. */
    private final Map<SseClient, String> clients = new ConcurrentHashMap<>();

    private final ScheduledExecutorService ticker;
    private long ticks;

    SyncEvents(SyncRunQueries runs, BooleanSupplier partnerCenterEnabled, Duration interval, Duration keepAlive) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.partnerCenterEnabled = Objects.requireNonNull(partnerCenterEnabled, "partnerCenterEnabled");
        if (interval.isZero() || interval.isNegative() || keepAlive.compareTo(interval) < 0) {
            throw new IllegalArgumentException("The interval must be positive and the keep-alive at least as long");
        }
        this.interval = interval;
        this.keepAliveTicks = Math.max(1, keepAlive.toMillis() / interval.toMillis());
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sync-events").factory());
    }

    void register(JavalinConfig config) {
        config.routes.sse(PATH, this::connected);
        config.events.serverStarted(() -> ticker.scheduleWithFixedDelay(
                this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS));
        // Open streams never end by themselves; close them so a graceful stop does not wait for browsers.
        config.events.serverStopping(this::close);
    }

    private void connected(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        // Proxies such as nginx buffer responses unless told not to; events must arrive when sent.
        client.ctx().header("X-Accel-Buffering", "no");
        try {
            String status = current();
            client.sendEvent(EVENT, status);
            clients.put(client, status);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("sync_events_connect_failed");
            client.close();
        }
    }

    private void tick() {
        try {
            if (clients.isEmpty()) {
                return;
            }
            String status = current();
            boolean keepAlive = ++ticks % keepAliveTicks == 0;
            clients.replaceAll((client, sent) -> {
                if (client.terminated()) {
                    return sent;
                }
                if (!status.equals(sent)) {
                    client.sendEvent(EVENT, status);
                } else if (keepAlive) {
                    client.sendComment("keep-alive");
                }
                return status;
            });
            clients.keySet().removeIf(SseClient::terminated);
        } catch (RuntimeException e) {
            // The database may be briefly away; the next tick tries again and browsers keep their last state.
            LOG.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("sync_events_read_failed");
        }
    }

    private String current() {
        try {
            return Json.MAPPER.writeValueAsString(SyncStatusJson.read(runs, partnerCenterEnabled));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void close() {
        ticker.shutdownNow();
        clients.keySet().forEach(SseClient::close);
        clients.clear();
    }
}
