package io.hunterreferrals.core.notify;

import java.util.Objects;
import java.util.Optional;

/**
 * What went wrong, for a {@code sync.failed} or {@code dynamics.push_failed} event.
 *
 * @param code the run's error code ({@code sign_in_required}, {@code dynamics_throttled}, ...)
 * @param message what happened and what to do, as the run recorded it
 * @param requestId the request id from Partner Center or Dataverse, for a support case
 */
public record EventProblem(String code, String message, Optional<String> requestId) {

    public EventProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(requestId, "requestId");
    }
}
