package io.hunterreferrals.http;

/**
 * A request the API refuses, with the status, a stable code and a message for the operator; rendered as
 * {@code {"error": {"code", "message"}}} by {@link ErrorResponses}. Thrown from handlers so each one reads as its happy
 * path.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String reason;

    ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** @param reason a finer stable code (e.g. a domain rejection), or {@code null} */
    ApiError(int status, String code, String message, String reason) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.reason = reason;
    }

    static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String reason() {
        return reason;
    }
}
