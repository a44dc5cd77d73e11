package io.hunterreferrals.webhook;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The first bytes of an answer as text, and no more: a receiver's answer is read for its status and an error code, so a
 * receiver that sends megabytes (or never stops) costs neither memory nor time. Reading stops at the limit.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<String> {

    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BoundedBody(int limit) {
        this.limit = limit;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            int n = Math.min(item.remaining(), limit - kept.size());
            byte[] bytes = new byte[n];
            item.get(bytes);
            kept.write(bytes, 0, n);
        }
        if (kept.size() >= limit && !result.isDone()) {
            result.complete(text());
            subscription.cancel();
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(text());
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    private String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
