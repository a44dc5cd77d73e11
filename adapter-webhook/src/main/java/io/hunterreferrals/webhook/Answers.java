package io.hunterreferrals.webhook;

import io.hunterreferrals.core.notify.DeliveryErrorCode;
import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.DeliveryResult;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an HTTP answer means, the same for every receiver: 2xx delivered; 401/403 unauthorized; 404 not found; 410 gone
 * (stop sending there); 429 throttled and 5xx a server error, both waiting as long as {@code Retry-After} asks; any
 * other 4xx rejected; a redirect misconfigured (the body is never sent on). Each failure says what to do.
 */
final class Answers {

    /** What an error code in a receiver's answer must look like to be quoted in a message. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private Answers() {}

    /** The error code of a failed answer's status. */
    static DeliveryErrorCode codeFor(int status) {
        if (status >= 300 && status < 400) {
            return DeliveryErrorCode.MISCONFIGURED;
        }
        return switch (status) {
            case 401, 403 -> DeliveryErrorCode.UNAUTHORIZED;
            case 404 -> DeliveryErrorCode.NOT_FOUND;
            case 408 -> DeliveryErrorCode.TIMEOUT;
            case 410 -> DeliveryErrorCode.GONE;
            case 429 -> DeliveryErrorCode.THROTTLED;
            default -> status >= 400 && status < 500 ? DeliveryErrorCode.REJECTED : DeliveryErrorCode.SERVER_ERROR;
        };
    }

    /**
     * @param code the receiver's error code read from the body ({@code no_service}, {@code WorkflowNotFound}), quoted
     *     after the status when it looks like a code
     */
    static DeliveryResult judge(Receiver receiver, Answer answer, Optional<String> code) {
        if (answer.isSuccess()) {
            return new DeliveryResult.Delivered("HTTP " + answer.status());
        }
        DeliveryErrorCode error = codeFor(answer.status());
        String meaning = switch (error) {
            case MISCONFIGURED ->
                "a redirect, which is not followed (the message would go elsewhere); set " + receiver.setting()
                        + " to the address it points to";
            case UNAUTHORIZED -> "it refuses the request; " + receiver.whenUnauthorized();
            case NOT_FOUND -> "there is no such webhook; " + receiver.whenNotFound();
            case TIMEOUT -> "it stopped waiting for the request; " + later(answer);
            case GONE ->
                "it asks never to be sent to again; nothing more is sent until " + receiver.setting()
                        + " changes or an operator retries";
            case THROTTLED -> "it asks to slow down; " + later(answer);
            case REJECTED ->
                answer.status() == 413
                        ? "the message is too large for it; sending it again will not help"
                        : "it refuses this message; sending it again will not help (its request id, if any,"
                                + " is in the delivery record)";
            default -> "it failed on its side; " + later(answer);
        };
        return failed(error, answered(receiver, answer, code) + meaning, answer);
    }

    /** {@code Slack (https://hooks.slack.com/…) answered 404 no_service: }. */
    static String answered(Receiver receiver, Answer answer, Optional<String> code) {
        return receiver.named() + " answered " + answer.status()
                + code.filter(c -> CODE.matcher(c).matches()).map(c -> " " + c).orElse("") + ": ";
    }

    static DeliveryResult failed(DeliveryErrorCode code, String message, Answer answer) {
        // Retry-After means something on 429 and 503 (RFC 9110 §10.2.3); any retryable answer may carry it.
        Optional<Duration> wait = code.retryable() ? answer.retryAfter() : Optional.empty();
        return new DeliveryResult.Failed(new DeliveryFailure(code, message, wait, answer.requestId()));
    }

    private static String later(Answer answer) {
        return answer.retryAfter()
                .map(d -> "it is sent again in " + d.toSeconds() + " s, as it asked (Retry-After)")
                .orElse("it is sent again later");
    }
}
