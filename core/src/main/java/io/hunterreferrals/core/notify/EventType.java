package io.hunterreferrals.core.notify;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an event says happened. Its {@link #wire()} name is what channels, rules, the API and the database use. */
public enum EventType {
    /** A referral first stored by a sync (not by the first sync of an empty database: that is history, not news). */
    REFERRAL_CREATED("referral.created"),
    /** A stored referral whose status, substatus, deal value, type, domain or company name changed. */
    REFERRAL_UPDATED("referral.updated"),
    /**
     * A stored referral whose status or substatus changed; written with the {@link #REFERRAL_UPDATED} of the change.
     */
    REFERRAL_STATUS_CHANGED("referral.status_changed"),
    /** An operator linked a referral to a lead. */
    REFERRAL_LINKED("referral.linked"),
    /** An operator unlinked a referral. */
    REFERRAL_UNLINKED("referral.unlinked"),
    /** A sync run failed, or the sign-in needs renewing. */
    SYNC_FAILED("sync.failed"),
    /** A Dynamics 365 push run failed, or rejected referrals. */
    DYNAMICS_PUSH_FAILED("dynamics.push_failed"),
    /** Sent by {@code hunter notify test}; never written to the outbox. */
    TEST("notification.test");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Whether the event is about one referral (and so carries its facts and keeps its order per referral). */
    public boolean isAboutReferral() {
        return wire.startsWith("referral.");
    }

    /**
     * Parses a wire name; {@link #TEST}'s is refused, since no rule, filter or stored event can name it.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static EventType fromWire(String name) {
        String text = name == null ? "" : name.strip();
        return Arrays.stream(values())
                .filter(t -> t != TEST && t.wire.equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type '" + text + "'; expected one of "
                        + Arrays.stream(values())
                                .filter(t -> t != TEST)
                                .map(EventType::wire)
                                .collect(Collectors.joining(", "))));
    }
}
