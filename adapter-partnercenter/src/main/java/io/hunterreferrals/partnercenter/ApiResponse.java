package io.hunterreferrals.partnercenter;

/**
 * A successful Referrals API response.
 *
 * @param requestId Partner Center's request id, or null
 * @param attempts calls it took, retries included
 */
record ApiResponse(int status, String body, String requestId, int attempts) {}
