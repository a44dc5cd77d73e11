package io.hunterreferrals.partnercenter;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request for {@link ApiCaller}: the sync's GET of a page or of one named referral, or the write-back's PATCH of
 * one referral.
 *
 * @param jsonBody the request body (sent as {@code application/json}), if any
 * @param headers headers beyond the ones every call gets (token, ids, Accept)
 * @param pageNumber the list page (1-based) for retry events and logs; 0 for a call that is not a page
 * @param answersClientErrors a 4xx other than 401 and 429 is answered as a response for the caller to read, instead of
 *     failing the call: the write-back records Partner Center's no on the referral
 * @param answersNotFound a 404 is answered as a response (every other 4xx still fails the call): a named read leaves a
 *     referral Partner Center does not have out of its page
 * @param afterGiveUp what the caller does once the retry budget is spent, for the operator's message
 */
record ApiCall(
        String method,
        URI uri,
        Optional<String> jsonBody,
        Map<String, String> headers,
        int pageNumber,
        boolean answersClientErrors,
        boolean answersNotFound,
        String afterGiveUp) {

    ApiCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(jsonBody, "jsonBody");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(afterGiveUp, "afterGiveUp");
    }

    /** A page of the sync's listing. */
    static ApiCall page(URI uri, int pageNumber) {
        return new ApiCall(
                "GET",
                uri,
                Optional.empty(),
                Map.of(),
                pageNumber,
                false,
                false,
                "The sync stopped; it resumes from its watermark on the next run.");
    }

    /** One referral of a named read ({@code GET .../referrals/{id}}); its 404 is an answer, not a failure. */
    static ApiCall referral(URI uri) {
        return new ApiCall(
                "GET",
                uri,
                Optional.empty(),
                Map.of(),
                1,
                false,
                true,
                "The sync stopped; the referrals it was asked for are read again later.");
    }
}
