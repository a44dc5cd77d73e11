package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A tiny receiver for the simulator's webhook events: records each POST and answers with a chosen status. */
final class WebhookReceiver implements AutoCloseable {

    record Received(String path, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return Json.parse(text());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> scripted = new ConcurrentLinkedQueue<>();
    private volatile int status = 200;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                        .collect(Collectors.toMap(
                                e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue())));
                received.add(new Received(
                        exchange.getRequestURI().getPath(),
                        headers,
                        exchange.getRequestBody().readAllBytes()));
                Integer next = scripted.poll();
                byte[] reply = "thanks".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(next != null ? next : status, reply.length);
                exchange.getResponseBody().write(reply);
            }
        });
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Every later request gets this status. */
    WebhookReceiver answer(int status) {
        this.status = status;
        return this;
    }

    /** The next requests get these statuses, in order, then the standing one. */
    WebhookReceiver script(Integer... statuses) {
        scripted.addAll(List.of(statuses));
        return this;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until at least {@code count} requests arrived; returns them all. */
    List<Received> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " webhook requests, got " + received.size());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
