package io.hunterreferrals.core.webhook;

import java.util.Objects;
import java.util.Optional;

/** A failed call to the webhook registration API, with what to do and Partner Center's request id. */
public final class WebhookRegistryException extends RuntimeException {

    private final WebhookRegistryErrorCode code;
    private final Optional<Integer> httpStatus;
    private final Optional<String> requestId;

    public WebhookRegistryException(
            WebhookRegistryErrorCode code, String message, Optional<Integer> httpStatus, Optional<String> requestId) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.httpStatus = Objects.requireNonNull(httpStatus, "httpStatus");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
    }

    public WebhookRegistryErrorCode code() {
        return code;
    }

    public Optional<Integer> httpStatus() {
        return httpStatus;
    }

    public Optional<String> requestId() {
        return requestId;
    }
}
