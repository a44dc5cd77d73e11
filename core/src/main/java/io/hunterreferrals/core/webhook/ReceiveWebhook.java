package io.hunterreferrals.core.webhook;

import java.time.Clock;
import java.util.Objects;

/**
 * Driving use case: a call to the webhook endpoint. It is read and checked ({@link WebhookReader}), and a hint it
 * carries is stored on the queue before the call is answered; nothing here calls Partner Center, so the answer is
 * quick. A queue that cannot store throws, and the endpoint answers with an error so Partner Center tries again.
 */
public final class ReceiveWebhook {

    /**
     * The path this product takes Partner Center's calls on: adapter-http serves it, and the registration names it
     * under the public URL.
     */
    public static final String PATH = "/api/v1/partner-center/webhooks";

    /** Partner Center's events are a few hundred bytes; anything near this is not one. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private final WebhookReader reader;
    private final HintQueue queue;
    private final Clock clock;
    private final WebhookListener listener;

    public ReceiveWebhook(WebhookReader reader, HintQueue queue, Clock clock, WebhookListener listener) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** What came of one call. */
    public sealed interface Receipt {

        record Accepted(ReferralHint hint, HintOffer offer) implements Receipt {}

        record Refused(WebhookRejection reason, String message) implements Receipt {}
    }

    public Receipt receive(WebhookCall call) {
        WebhookReading reading = call.size() > MAX_BODY_BYTES
                ? new WebhookReading.Rejected(
                        WebhookRejection.TOO_LARGE,
                        "The call's body has " + call.size() + " bytes; a Partner Center event has far fewer than "
                                + MAX_BODY_BYTES)
                : reader.read(call);
        return switch (reading) {
            case WebhookReading.Rejected rejected -> {
                listener.rejected(rejected.reason(), rejected.message());
                yield new Receipt.Refused(rejected.reason(), rejected.message());
            }
            case WebhookReading.Hint hint -> {
                HintOffer offer = queue.offer(hint.hint(), clock.instant());
                listener.received(hint.hint(), offer);
                yield new Receipt.Accepted(hint.hint(), offer);
            }
        };
    }
}
