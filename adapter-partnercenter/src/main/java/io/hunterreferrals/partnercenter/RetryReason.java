package io.hunterreferrals.partnercenter;

/** Why a Referrals API call is being repeated. */
public enum RetryReason {
    /** 429, or 503 with Retry-After: the wait honours the server's Retry-After (clamped). */
    THROTTLED,
    /** Another 5xx (or 503 without Retry-After): jittered exponential backoff. */
    SERVER_ERROR,
    /** No response within the request timeout; the retry reuses the MS-RequestId. */
    TIMEOUT,
    /** Connection refused or reset. */
    CONNECTION_FAILED,
    /** 401: the token was refreshed once (forced) and the call repeated without waiting. */
    TOKEN_REJECTED
}
