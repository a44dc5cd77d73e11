package io.hunterreferrals.core.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a run failed, as recorded and shown.
 *
 * @param code why, from the closed list the CLI, the logs and the API switch on
 * @param message what happened and what to do
 * @param httpStatus the last HTTP status from Partner Center, if any
 * @param partnerCenterErrorCode the error code in Partner Center's response body, if any
 * @param requestId Partner Center's request id, for support cases
 */
public record SyncError(
        SyncErrorCode code,
        String message,
        Optional<Integer> httpStatus,
        Optional<String> partnerCenterErrorCode,
        Optional<String> requestId) {

    private static final int MAX_MESSAGE = 1000;

    public SyncError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(partnerCenterErrorCode, "partnerCenterErrorCode");
        Objects.requireNonNull(requestId, "requestId");
    }

    public static SyncError of(SyncErrorCode code, String message) {
        return new SyncError(code, message, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static SyncError from(ReferralSourceException e) {
        return new SyncError(
                e.failure().code(), String.valueOf(e.getMessage()), e.httpStatus(), e.errorCode(), e.requestId());
    }

    static SyncError databaseUnavailable(StorageUnavailableException e) {
        return of(
                SyncErrorCode.DATABASE_UNAVAILABLE,
                "The database went away during the sync (" + e.getMessage() + "). Every page "
                        + "stored before that is kept; the next run resumes from the last stored page once "
                        + "the database "
                        + "answers again.");
    }

    static SyncError unexpected(RuntimeException e) {
        String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        String message = "The sync stopped on an unexpected error (" + detail
                + "). Nothing after the last stored page was written; the next run resumes from there.";
        return of(
                SyncErrorCode.INTERNAL_ERROR,
                message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message);
    }
}
