package io.hunterreferrals.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns JDK HttpServer exchanges into {@link Request}s, journals them, and writes {@link Reply}s with the headers the
 * Partner API gateway puts on every response. Knows nothing about the endpoints themselves.
 */
final class HttpFront implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);

    private final String name;
    private final Clock clock;
    private final RequestJournal journal;
    private final Function<Request, Reply> router;
    private final UnaryOperator<RecordedRequest> redaction;

    HttpFront(String name, Clock clock, RequestJournal journal, Function<Request, Reply> router) {
        this(name, clock, journal, router, UnaryOperator.identity());
    }

    /** @param redaction applied to each request before it is journaled, e.g. to drop credentials */
    HttpFront(
            String name,
            Clock clock,
            RequestJournal journal,
            Function<Request, Reply> router,
            UnaryOperator<RecordedRequest> redaction) {
        this.name = name;
        this.clock = clock;
        this.journal = journal;
        this.router = router;
        this.redaction = redaction;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = read(exchange);
            journal.record(redaction.apply(new RecordedRequest(
                    request.receivedAt(),
                    request.method(),
                    request.path(),
                    request.rawQuery(),
                    request.query(),
                    request.headers(),
                    request.body())));
            Reply reply;
            try {
                reply = router.apply(request);
            } catch (RuntimeException e) {
                // A simulator bug must still look like an API failure to the client, not a dropped connection.
                LOG.warn("{} simulator failed on {} {}", name, request.method(), request.path(), e);
                reply = ApiErrors.error(
                        500,
                        "generalException",
                        "The simulator failed: " + e.getClass().getSimpleName());
            }
            write(exchange, request, reply);
            // Path only: query strings and bodies may hold codes or tokens, and we never log those.
            LOG.debug("{} {} {} -> {}", name, request.method(), request.path(), reply.status());
        } catch (IOException | RuntimeException e) {
            // Typically the client gave up (timeouts are a feature under test), so this is not worth more than debug.
            LOG.debug("{} exchange aborted: {}", name, e.toString());
        }
    }

    private Request read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        return new Request(
                exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getPath(),
                rawQuery,
                QueryStrings.parse(rawQuery),
                headers,
                body,
                clock.instant());
    }

    private static void write(HttpExchange exchange, Request request, Reply reply) throws IOException {
        var out = exchange.getResponseHeaders();
        reply.headers().forEach(out::set);
        out.set("request-id", UUID.randomUUID().toString());
        request.header("MS-CorrelationId").ifPresent(v -> out.set("MS-CorrelationId", v));
        request.header("client-request-id").ifPresent(v -> out.set("client-request-id", v));
        byte[] body = reply.body();
        boolean empty = body.length == 0 || "HEAD".equals(request.method());
        exchange.sendResponseHeaders(reply.status(), empty ? -1 : body.length);
        if (!empty && reply.cutAfter() >= 0) {
            // Fewer bytes than announced: closing the exchange now makes the server drop the connection.
            exchange.getResponseBody().write(body, 0, reply.cutAfter());
            exchange.getResponseBody().flush();
            throw new IOException("connection reset on purpose (fault)");
        }
        if (!empty) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }
}
