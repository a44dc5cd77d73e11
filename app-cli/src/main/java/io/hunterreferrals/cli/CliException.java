package io.hunterreferrals.cli;

/**
 * A failure the operator can act on: an exit code, a stable error code (for scripts and support) and a message that
 * says what to do. Never carries a token, device code or personal data.
 */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;
    private final String errorCode;

    CliException(ExitCode exitCode, String errorCode, String message) {
        super(message);
        this.exitCode = exitCode;
        this.errorCode = errorCode;
    }

    CliException(ExitCode exitCode, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.errorCode = errorCode;
    }

    ExitCode exitCode() {
        return exitCode;
    }

    String errorCode() {
        return errorCode;
    }
}
