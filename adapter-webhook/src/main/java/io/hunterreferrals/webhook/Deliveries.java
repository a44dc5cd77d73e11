package io.hunterreferrals.webhook;

import io.hunterreferrals.core.notify.Notification;
import java.util.List;

/** The rule the three HTTP channels share about what {@code deliver} is given. */
final class Deliveries {

    private Deliveries() {}

    /**
     * The one notification of a delivery. These channels collect no digest, so the delivery worker hands them one at a
     * time; more would be a wiring mistake, and sending them one by one would turn a failure halfway into a retry of
     * those already delivered, so it is refused loudly instead.
     *
     * @throws IllegalArgumentException for none or more than one
     */
    static Notification single(String channel, List<Notification> notifications) {
        if (notifications.size() != 1) {
            throw new IllegalArgumentException("The " + channel + " channel sends one notification at a time (it"
                    + " collects no digest), was given " + notifications.size());
        }
        return notifications.getFirst();
    }
}
