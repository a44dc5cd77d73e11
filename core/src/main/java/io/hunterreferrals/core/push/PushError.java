package io.hunterreferrals.core.push;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a push run failed, as recorded and shown.
 *
 * @param code why, from the closed list
 * @param message what happened and what to do
 * @param httpStatus the CRM's last HTTP status, if any
 * @param destinationErrorCode the CRM's own error code, if any
 * @param requestId the CRM's request id, for a support case
 */
public record PushError(
        PushErrorCode code,
        String message,
        Optional<Integer> httpStatus,
        Optional<String> destinationErrorCode,
        Optional<String> requestId) {

    public PushError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(destinationErrorCode, "destinationErrorCode");
        Objects.requireNonNull(requestId, "requestId");
    }

    public static PushError of(PushErrorCode code, String message) {
        return new PushError(code, message, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static PushError from(LeadDestinationException e) {
        return new PushError(
                e.code(), String.valueOf(e.getMessage()), e.httpStatus(), e.destinationErrorCode(), e.requestId());
    }
}
