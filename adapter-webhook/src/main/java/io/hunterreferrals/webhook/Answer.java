package io.hunterreferrals.webhook;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a receiver answered.
 *
 * @param status the HTTP status
 * @param body the start of the body ({@link WebhookPoster#MAX_ANSWER_BYTES} at most), for error codes: never logged
 * @param requestId the receiver's request id, when it sent one that looks like an id
 * @param retryAfter its {@code Retry-After}, when present and readable
 */
record Answer(int status, String body, Optional<String> requestId, Optional<Duration> retryAfter) {

    Answer {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
