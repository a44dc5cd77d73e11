package io.hunterreferrals.core.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * A source failure with what an operator needs to act on it. The message must not contain tokens or personal data: it
 * is logged and shown.
 */
public class ReferralSourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SourceFailure failure;
    private final Integer httpStatus;
    private final String errorCode;
    private final String requestId;

    /**
     * @param failure the kind of failure
     * @param message what happened and what to do, for operators
     * @param httpStatus the last HTTP status, or {@code null}
     * @param errorCode the error code from the response body, or {@code null}
     * @param requestId Partner Center's request id of the last response, or {@code null}
     * @param cause the underlying exception, or {@code null}
     */
    public ReferralSourceException(
            SourceFailure failure,
            String message,
            Integer httpStatus,
            String errorCode,
            String requestId,
            Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    public ReferralSourceException(SourceFailure failure, String message) {
        this(failure, message, null, null, null, null);
    }

    public SourceFailure failure() {
        return failure;
    }

    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
