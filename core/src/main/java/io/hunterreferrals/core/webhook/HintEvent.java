package io.hunterreferrals.core.webhook;

import java.util.List;
import java.util.Optional;

/** The referral events Partner Center's webhook API sends (pc-webhooks.md §1), by their wire names. */
public enum HintEvent {
    REFERRAL_CREATED("referral-created"),
    REFERRAL_UPDATED("referral-updated"),
    RELATED_REFERRAL_CREATED("related-referral-created"),
    RELATED_REFERRAL_UPDATED("related-referral-updated"),
    /** Sent only by the registration's validation call; names no real referral. */
    TEST_CREATED("test-created");

    /** What the product registers for: every referral event, and the test event so `hunter webhooks test` works. */
    public static final List<HintEvent> REGISTERED = List.of(values());

    private final String wireName;

    HintEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<HintEvent> fromWire(String name) {
        for (HintEvent event : values()) {
            if (event.wireName.equalsIgnoreCase(name)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }
}
