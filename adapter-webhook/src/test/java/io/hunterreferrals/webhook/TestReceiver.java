package io.hunterreferrals.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver on loopback (the JDK's com.sun.net.httpserver): it records every request and answers what the
 * test told it to, after an optional delay.
 */
final class TestReceiver implements AutoCloseable {

    /** One request as it arrived: the raw body bytes, exactly as a receiver would verify them. */
    record Received(String method, String path, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to answer. */
    record Reply(int status, String body, Map<String, String> headers, Duration delay) {
        static Reply of(int status, String body) {
            return new Reply(status, body, Map.of(), Duration.ZERO);
        }

        Reply with(String header, String value) {
            var all = new java.util.LinkedHashMap<>(headers);
            all.put(header, value);
            return new Reply(status, body, all, delay);
        }

        Reply after(Duration wait) {
            return new Reply(status, body, headers, wait);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Reply reply = Reply.of(200, "ok");

    TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders(),
                    body));
            Reply r = reply;
            try {
                Thread.sleep(r.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            r.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] answer = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(r.status(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    void answer(Reply next) {
        reply = next;
    }

    void answer(int status, String body) {
        reply = Reply.of(status, body);
    }

    /** A URL with a secret path, as Slack's and Teams' are. */
    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected one request, got " + received.size());
        }
        return received.getFirst();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
