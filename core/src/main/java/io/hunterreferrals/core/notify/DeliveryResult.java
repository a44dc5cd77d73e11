package io.hunterreferrals.core.notify;

import java.util.Objects;

/** What sending to a channel did. */
public sealed interface DeliveryResult {

    /**
     * The receiver took it (HTTP 2xx, SMTP 250).
     *
     * @param detail what the receiver answered, for the delivery record ({@code HTTP 202}, {@code 250 OK})
     */
    record Delivered(String detail) implements DeliveryResult {
        public Delivered {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The receiver did not take it. */
    record Failed(DeliveryFailure failure) implements DeliveryResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
