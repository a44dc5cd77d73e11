package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.notify.Event;
import io.hunterreferrals.core.notify.EventLinks;
import io.hunterreferrals.core.notify.EventProblem;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.FieldChange;
import io.hunterreferrals.core.notify.Notification;
import io.hunterreferrals.core.notify.ReferralFacts;
import io.hunterreferrals.core.notify.StoredEvent;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.ReferralId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Test data: notifications as the delivery worker hands them to a channel, for the channels' tests. */
public final class TestNotifications {

    public static final Instant OCCURRED_AT = Instant.parse("2025-05-02T10:15:00Z");

    /** The web UI's public address the links are built from. */
    public static final EventLinks LINKS = new EventLinks(Optional.of("https://hunter.example.com"));

    /** Names that would inject markup into an e-mail, a card or a Slack message if left unescaped. */
    public static final String HOSTILE_NAME = "<img src=x onerror=alert(1)></a><script>alert(2)</script>"
            + " [click](https://evil.example) <!channel> <https://evil.example|x> **bold** & _it_";

    private TestNotifications() {}

    public static ReferralFacts facts(String id, String companyName) {
        return new ReferralFacts(
                ReferralId.of(id),
                ReferralCategory.CO_SELL,
                "New",
                "Received",
                new DealValue(new BigDecimal("12500.00"), "EUR"),
                "contoso.com.tr",
                companyName);
    }

    /** A {@code referral.created} event of a co-sell referral of Contoso. */
    public static Notification created(String referralId) {
        return created(referralId, "Contoso Ltd");
    }

    public static Notification created(String referralId, String companyName) {
        return notification(Event.aboutReferral(EventType.REFERRAL_CREATED, facts(referralId, companyName), List.of()));
    }

    /** A {@code referral.status_changed} event: New → Active. */
    public static Notification statusChanged(String referralId) {
        return notification(Event.aboutReferral(
                EventType.REFERRAL_STATUS_CHANGED,
                facts(referralId, "Contoso Ltd"),
                List.of(new FieldChange(ReferralFacts.STATUS, "New", "Active"))));
    }

    /** A {@code sync.failed} event with a request id. */
    public static Notification syncFailed() {
        return notification(Event.failure(
                EventType.SYNC_FAILED,
                new EventProblem(
                        "sign_in_required",
                        "The sign-in expired: run hunter auth login.",
                        Optional.of("req-0000-1111"))));
    }

    public static Notification notification(Event event) {
        return LINKS.notification(new StoredEvent(UUID.randomUUID(), 1, OCCURRED_AT, event));
    }

    public static Notification notification(UUID id, Event event) {
        return LINKS.notification(new StoredEvent(id, 1, OCCURRED_AT, event));
    }
}
