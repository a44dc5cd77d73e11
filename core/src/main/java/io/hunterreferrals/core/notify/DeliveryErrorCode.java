package io.hunterreferrals.core.notify;

/**
 * Why a delivery failed, from the closed list the CLI, the API, the metrics and the logs use. Each says what the
 * operator should look at.
 */
public enum DeliveryErrorCode {
    /** The host name does not resolve. */
    DNS("dns", true),
    /** Nothing answered at that host and port (refused, unreachable). */
    CONNECT("connect", true),
    /** The TLS handshake failed: certificate, name or protocol. */
    TLS("tls", true),
    /** No answer in time. */
    TIMEOUT("timeout", true),
    /** 401 or 403, or the SMTP server refused the sign-in. */
    UNAUTHORIZED("unauthorized", true),
    /** 404: the URL is wrong, or the flow or app behind it was deleted. */
    NOT_FOUND("not_found", true),
    /** 429, or an SMTP 4xx: the receiver asks to slow down. */
    THROTTLED("throttled", true),
    /** 5xx, or the connection dropped mid-answer. */
    SERVER_ERROR("server_error", true),
    /** Any other 4xx, or an SMTP 5xx: the receiver refuses this message; sending it again will not help. */
    REJECTED("rejected", false),
    /**
     * 410: the receiver asks never to be sent to again; the channel stops until its target changes or an operator
     * retries.
     */
    GONE("gone", false),
    /** The channel's settings cannot work (a bad address, a missing secret). */
    MISCONFIGURED("misconfigured", false);

    private final String code;
    private final boolean retryable;

    DeliveryErrorCode(String code, boolean retryable) {
        this.code = code;
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    /** Whether waiting and sending again may succeed; the others go to the dead letters at once. */
    public boolean retryable() {
        return retryable;
    }

    public static java.util.Optional<DeliveryErrorCode> fromCode(String code) {
        for (DeliveryErrorCode value : values()) {
            if (value.code.equals(code)) {
                return java.util.Optional.of(value);
            }
        }
        return java.util.Optional.empty();
    }
}
