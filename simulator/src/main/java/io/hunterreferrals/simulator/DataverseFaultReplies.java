package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Renders taken {@link DataverseFault}s: the Web API's error body, or Entra's on the token endpoint. */
final class DataverseFaultReplies {

    private DataverseFaultReplies() {}

    /** Sleeps for a delay fault, then returns the replacement reply of a response fault, if one was taken. */
    static Optional<Reply> apply(List<DataverseFault> taken, Request request, Clock clock, String clientId) {
        taken.stream().filter(f -> f.kind() == DataverseFault.Kind.DELAY).forEach(f -> sleep(f.delay()));
        return taken.stream()
                .filter(f -> f.kind() != DataverseFault.Kind.DELAY)
                .findFirst()
                .map(f -> f.target() == DataverseFaultTarget.TOKEN ? token(f, request, clock, clientId) : webApi(f));
    }

    private static Reply webApi(DataverseFault f) {
        Reply reply = switch (f.kind()) {
            case REQUEST_LIMIT ->
                DataverseErrors.error(
                        429,
                        DataverseErrors.LIMIT_REQUESTS,
                        "Number of requests exceeded the limit of 6000 over time window of 300 seconds.");
            case EXECUTION_TIME_LIMIT ->
                DataverseErrors.error(
                        429,
                        DataverseErrors.LIMIT_EXECUTION_TIME,
                        "Combined execution time of incoming requests exceeded limit of 1,200,000 "
                                + "milliseconds over time"
                                + " window of 300 seconds. Decrease number of concurrent requests or reduce "
                                + "the duration of"
                                + " requests and try again later.");
            case CONCURRENCY_LIMIT ->
                DataverseErrors.error(
                        429,
                        DataverseErrors.LIMIT_CONCURRENCY,
                        "Number of concurrent requests exceeded the limit of 52.");
            // UNCONFIRMED: dataverse.md gives no 503 body; the usual empty code and a plain message.
            case SERVICE_UNAVAILABLE -> DataverseErrors.error(503, "", "The service is temporarily unavailable.");
            case MISSING_APPLICATION_USER ->
                DataverseErrors.error(
                        403, DataverseErrors.NOT_A_MEMBER, "The user is not a member of the organization.");
            case MISSING_PRIVILEGE ->
                DataverseErrors.error(
                        403, DataverseErrors.PRIVILEGE_DENIED, "The user does not hold the necessary privileges.");
            // The code is dataverse.md §7's; the message wording is UNCONFIRMED.
            case DUPLICATE_DETECTED ->
                DataverseErrors.error(
                        500,
                        DataverseErrors.DUPLICATE_DETECTED,
                        "A record was not created or updated because a duplicate of the current record already "
                                + "exists.");
            default -> throw new IllegalArgumentException("not a Web API response fault: " + f.kind());
        };
        return withRetryAfter(reply, f);
    }

    private static Reply token(DataverseFault f, Request request, Clock clock, String clientId) {
        if (f.kind() == DataverseFault.Kind.EXPIRED_CLIENT_SECRET) {
            return OAuthErrors.entraError(
                    401,
                    request,
                    clock.instant(),
                    "invalid_client",
                    7000222,
                    "The provided client secret keys for app '" + clientId + "' are expired. Visit the Azure portal to"
                            + " create new keys for your app or consider using certificate credentials for added"
                            + " security.");
        }
        // UNCONFIRMED: Entra's throttling and outage bodies are not in the references; RFC 6749's error code is used.
        int status = f.kind() == DataverseFault.Kind.SERVICE_UNAVAILABLE ? 503 : 429;
        ObjectNode body = Json.object()
                .put("error", "temporarily_unavailable")
                .put("error_description", "The service is temporarily unavailable (simulated " + status + ").");
        return withRetryAfter(Reply.json(status, body), f);
    }

    private static Reply withRetryAfter(Reply reply, DataverseFault f) {
        return f.retryAfterSeconds() < 0
                ? reply
                : reply.withHeader("Retry-After", Integer.toString(f.retryAfterSeconds()));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            // The simulator is shutting down; answer at once.
            Thread.currentThread().interrupt();
        }
    }
}
