package io.hunterreferrals.cli;

import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.PushError;

/** The exit code and message of every way a push, a check or a setup can fail (one exhaustive switch). */
final class DynamicsFailures {

    private DynamicsFailures() {}

    static CliException of(LeadDestinationException e) {
        return of(new PushError(
                e.code(), String.valueOf(e.getMessage()), e.httpStatus(), e.destinationErrorCode(), e.requestId()));
    }

    static CliException of(PushError error) {
        String code = error.code().code();
        return switch (error.code()) {
            case SIGN_IN_FAILED,
                    APPLICATION_USER_MISSING,
                    PRIVILEGE_MISSING,
                    THROTTLED,
                    UNAVAILABLE,
                    NETWORK_ERROR,
                    MALFORMED_RESPONSE ->
                new CliException(
                        ExitCode.DYNAMICS_ERROR, code, "Dynamics 365 error: " + error.message() + details(error));
            case SETUP_REQUIRED -> new CliException(ExitCode.DYNAMICS_SETUP_REQUIRED, code, error.message());
            case CONFIGURATION_INVALID -> new CliException(ExitCode.CONFIG_INVALID, code, error.message());
            case DATABASE_UNAVAILABLE -> new CliException(ExitCode.DATABASE_ERROR, code, error.message());
            case INTERRUPTED -> new CliException(ExitCode.INTERRUPTED, code, error.message());
            // an in-process push is never abandoned, and this version stores no unknown code: a bug if seen here
            case INTERNAL_ERROR, ABANDONED, UNRECOGNISED ->
                new CliException(ExitCode.INTERNAL_ERROR, code, error.message());
        };
    }

    private static String details(PushError error) {
        return " (HTTP status " + error.httpStatus().map(String::valueOf).orElse("none") + ", Dataverse error code "
                + error.destinationErrorCode().orElse("none") + ", request id "
                + error.requestId().orElse("none")
                + ")";
    }
}
