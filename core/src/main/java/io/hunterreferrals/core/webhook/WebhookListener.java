package io.hunterreferrals.core.webhook;

import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRunId;
import java.util.List;
import java.util.Optional;

/** What the webhook path reports, for structured logs and metrics; every method defaults to nothing. */
public interface WebhookListener {

    WebhookListener NONE = new WebhookListener() {};

    /** Tells each of {@code listeners}, in order. */
    static WebhookListener all(List<WebhookListener> listeners) {
        List<WebhookListener> copy = List.copyOf(listeners);
        return new WebhookListener() {
            @Override
            public void received(ReferralHint hint, HintOffer offer) {
                copy.forEach(l -> l.received(hint, offer));
            }

            @Override
            public void rejected(WebhookRejection reason, String message) {
                copy.forEach(l -> l.rejected(reason, message));
            }

            @Override
            public void applied(List<QueuedHint> hints, SyncReport report) {
                copy.forEach(l -> l.applied(hints, report));
            }

            @Override
            public void deferred(List<QueuedHint> hints, SyncRunId busyRun) {
                copy.forEach(l -> l.deferred(hints, busyRun));
            }

            @Override
            public void applyFailed(List<QueuedHint> hints, Optional<SyncError> error, int gaveUp) {
                copy.forEach(l -> l.applyFailed(hints, error, gaveUp));
            }
        };
    }

    default void received(ReferralHint hint, HintOffer offer) {}

    /** @param message never holds the body, a signature or a header's value */
    default void rejected(WebhookRejection reason, String message) {}

    default void applied(List<QueuedHint> hints, SyncReport report) {}

    /** Another sync run held the slot; the hints wait for it. */
    default void deferred(List<QueuedHint> hints, SyncRunId busyRun) {}

    /** The run failed; the hints are retried later, or given up after the last attempt. */
    default void applyFailed(List<QueuedHint> hints, Optional<SyncError> error, int gaveUp) {}
}
