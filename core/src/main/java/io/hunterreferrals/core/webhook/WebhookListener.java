package io.hunterreferrals.core.webhook;

import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRunId;
import java.util.List;
import java.util.Optional;

/** What the webhook path reports, for structured logs and metrics; every method defaults to nothing. */
public interface WebhookListener {

    WebhookListener NONE = new WebhookListener() {};

    default void received(ReferralHint hint, HintOffer offer) {}

    /** @param message never holds the body, a signature or a header's value */
    default void rejected(WebhookRejection reason, String message) {}

    default void applied(List<QueuedHint> hints, SyncReport report) {}

    /** Another sync run held the slot; the hints wait for it. */
    default void deferred(List<QueuedHint> hints, SyncRunId busyRun) {}

    /** The run failed; the hints are retried later, or given up after the last attempt. */
    default void applyFailed(List<QueuedHint> hints, Optional<SyncError> error, int gaveUp) {}
}
