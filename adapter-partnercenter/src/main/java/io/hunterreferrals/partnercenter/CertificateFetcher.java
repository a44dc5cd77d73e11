package io.hunterreferrals.partnercenter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a signing certificate from an allow-listed URL: no redirects (a redirect would lead off the allow-list), a
 * deadline for the whole download (the request timeout alone ends at the headers, and a server that trickles its body
 * would hold the webhook call), and a cap on the body, since a certificate is a couple of kilobytes.
 */
final class CertificateFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateFetcher.class);

    /** A leaf certificate is 1-3 KB, a PEM chain a few times that. */
    static final int MAX_BYTES = 32 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    CertificateFetcher(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    static HttpClient defaultClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    byte[] fetch(URI url) throws CertificateProblem {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", "application/pkix-cert, application/x-x509-ca-cert, application/x-pem-file, */*")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, info -> new CappedBody(MAX_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw CertificateProblem.unavailable(
                    "The signing certificate was not downloaded within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw CertificateProblem.unavailable("Interrupted while downloading the signing certificate");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.atDebug()
                    .addKeyValue("host", url.getHost())
                    .addKeyValue("error", cause.getClass().getSimpleName())
                    .log("partner_center_webhook_certificate_fetch_failed");
            throw CertificateProblem.unavailable(
                    tooLarge(cause)
                            ? "The signing certificate's download is larger than " + MAX_BYTES + " bytes"
                            : "The signing certificate could not be downloaded ("
                                    + cause.getClass().getSimpleName() + ")");
        }
        LOG.atDebug()
                .addKeyValue("host", url.getHost())
                .addKeyValue("http_status", response.statusCode())
                .addKeyValue("bytes", response.body() == null ? 0 : response.body().length)
                .log("partner_center_webhook_certificate_fetched");
        if (response.statusCode() != 200) {
            throw CertificateProblem.unavailable(
                    "The signing certificate's URL answered HTTP " + response.statusCode() + " instead of 200");
        }
        return response.body();
    }

    private static boolean tooLarge(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("body over the cap", null);
        }
    }

    /** Collects at most {@code max} bytes, then cancels the download. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return; // cancelled already; buffers in flight are dropped
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
