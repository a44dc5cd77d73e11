package io.hunterreferrals.core.push;

import java.util.Objects;
import java.util.Optional;

/**
 * The destination cannot take leads at all (sign-in, permissions, setup, throttling past the budget, an outage): the
 * push run ends as failed. The message says what to do and holds no secret or personal data.
 */
public final class LeadDestinationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PushErrorCode code;
    private final Integer httpStatus;
    private final String destinationErrorCode;
    private final String requestId;

    /**
     * @param code why, from the closed list
     * @param message what happened and what to do
     * @param httpStatus the CRM's last HTTP status, or {@code null}
     * @param destinationErrorCode the CRM's own error code (Dataverse's hex code), or {@code null}
     * @param requestId the CRM's request id for a support case, or {@code null}
     */
    public LeadDestinationException(
            PushErrorCode code,
            String message,
            Integer httpStatus,
            String destinationErrorCode,
            String requestId,
            Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.httpStatus = httpStatus;
        this.destinationErrorCode = destinationErrorCode;
        this.requestId = requestId;
    }

    public LeadDestinationException(PushErrorCode code, String message) {
        this(code, message, null, null, null, null);
    }

    public PushErrorCode code() {
        return code;
    }

    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    public Optional<String> destinationErrorCode() {
        return Optional.ofNullable(destinationErrorCode);
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
