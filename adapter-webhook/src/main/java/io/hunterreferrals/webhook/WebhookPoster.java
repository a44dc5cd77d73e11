package io.hunterreferrals.webhook;

import io.hunterreferrals.core.notify.DeliveryErrorCode;
import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.DeliveryResult;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The HTTP plumbing the three channels share: one POST with the configured timeouts, the answer read (bounded), and
 * every way of not getting an answer turned into a {@link DeliveryErrorCode} with a message an operator can act on. The
 * URL is a secret: messages name its origin only. What an answer means is the caller's {@code judge} ({@link Answers}
 * for the common rules).
 */
final class WebhookPoster implements AutoCloseable {

    static final int MAX_ANSWER_BYTES = 8 * 1024;

    /** A request id goes into the delivery record and the logs: only what looks like an id is kept. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

    private final Receiver receiver;
    private final HttpTimeouts timeouts;
    private final Clock clock;
    private final HttpClient http;

    WebhookPoster(Receiver receiver, HttpTimeouts timeouts, Clock clock) {
        this.receiver = receiver;
        this.timeouts = timeouts;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeouts.connect())
                // One short request per notification gains nothing from HTTP/2, and on a plain-http loopback
                // receiver the JDK would try an h2c upgrade first.
                .version(HttpClient.Version.HTTP_1_1)
                // The body (and a signature of it) must never go wherever a redirect points.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Receiver receiver() {
        return receiver;
    }

    /**
     * Posts a JSON body.
     *
     * @param headers extra request headers (signature, idempotency key)
     * @param judge what the answer means
     */
    DeliveryResult post(byte[] body, Map<String, String> headers, Function<Answer, DeliveryResult> judge) {
        HttpRequest.Builder request = HttpRequest.newBuilder(receiver.url())
                .timeout(timeouts.request())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Hunter-Referrals")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<String>> sent =
                http.sendAsync(request.build(), info -> new BoundedBody(MAX_ANSWER_BYTES));
        try {
            // The request timeout ends at the answer's headers; this bounds the body (and everything) as well.
            HttpResponse<String> response = sent.get(timeouts.total().toMillis(), TimeUnit.MILLISECONDS);
            return judge.apply(answer(response));
        } catch (TimeoutException e) {
            sent.cancel(true);
            return failed(
                    DeliveryErrorCode.TIMEOUT,
                    receiver.named() + " did not answer within " + time(timeouts.total()) + "; it is sent again later");
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            return failed(
                    DeliveryErrorCode.TIMEOUT,
                    "The post to " + receiver.named()
                            + " was interrupted (the worker is stopping); it is sent again later");
        } catch (ExecutionException e) {
            return new DeliveryResult.Failed(unreachable(e.getCause()));
        }
    }

    private Answer answer(HttpResponse<String> response) {
        Optional<String> requestId = receiver.requestIdHeaders().stream()
                .flatMap(name -> response.headers().firstValue(name).stream())
                .map(String::strip)
                .filter(id -> REQUEST_ID.matcher(id).matches())
                .findFirst();
        return new Answer(
                response.statusCode(),
                response.body() == null ? "" : response.body(),
                requestId,
                RetryAfter.parse(response.headers().firstValue("Retry-After"), clock.instant()));
    }

    /**
     * Why no answer came. The JDK wraps the telling exception ({@code ConnectException} around an
     * {@code UnresolvedAddressException} for a name that does not resolve), so the whole chain is searched, the most
     * specific reason first.
     */
    private DeliveryFailure unreachable(Throwable error) {
        String named = receiver.named();
        if (has(error, UnknownHostException.class) || has(error, UnresolvedAddressException.class)) {
            return DeliveryFailure.of(
                    DeliveryErrorCode.DNS,
                    "The host of " + named + " does not resolve: check the host in " + receiver.setting()
                            + " and this machine's DNS");
        }
        Throwable tls = find(error, SSLException.class);
        if (tls != null) {
            return DeliveryFailure.of(
                    DeliveryErrorCode.TLS,
                    "The TLS handshake with " + named + " failed (" + clip(tls.getMessage()) + "): check that "
                            + receiver.setting() + " names the right host, and that this machine trusts its"
                            + " certificate (a proxy that inspects TLS needs its CA in the Java trust store)");
        }
        if (has(error, HttpConnectTimeoutException.class)) {
            return DeliveryFailure.of(
                    DeliveryErrorCode.TIMEOUT,
                    named + " did not accept the connection within " + time(timeouts.connect())
                            + ": check the network, the firewall and the proxy");
        }
        if (has(error, HttpTimeoutException.class)) {
            return DeliveryFailure.of(
                    DeliveryErrorCode.TIMEOUT,
                    named + " did not answer within " + time(timeouts.request()) + "; it is sent again later");
        }
        if (has(error, ConnectException.class) || has(error, NoRouteToHostException.class)) {
            return DeliveryFailure.of(
                    DeliveryErrorCode.CONNECT,
                    "Nothing answers at " + named + " (connection refused or unreachable): check " + receiver.setting()
                            + ", the network, the firewall and the proxy");
        }
        // The connection broke mid-answer, or the answer was not HTTP: the message may have arrived or not.
        return DeliveryFailure.of(
                DeliveryErrorCode.SERVER_ERROR,
                "The connection to " + named + " broke before it answered ("
                        + (error == null ? "unknown" : error.getClass().getSimpleName()) + "); it is sent again later");
    }

    /** {@code 30 s}, or {@code 300 ms} for a timeout shorter than a second. */
    private static String time(java.time.Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        return find(error, type) != null;
    }

    private static Throwable find(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static DeliveryResult failed(DeliveryErrorCode code, String message) {
        return new DeliveryResult.Failed(DeliveryFailure.of(code, message));
    }

    /** A TLS message names the certificate problem; nothing in it comes from the URL's path. */
    private static String clip(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    @Override
    public void close() {
        http.close();
    }
}
