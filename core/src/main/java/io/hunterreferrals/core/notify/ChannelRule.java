package io.hunterreferrals.core.notify;

import io.hunterreferrals.core.classification.ReferralCategory;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which events go to a channel: the event types, and for events about a referral its categories and statuses (empty:
 * any). The default sends new co-sell referrals and failed syncs.
 *
 * @param events the event types sent
 * @param categories the referral categories sent; empty sends every category
 * @param statuses Partner Center statuses sent ({@code New}, {@code Active}, {@code Closed}), compared without case;
 *     empty sends every status
 */
public record ChannelRule(Set<EventType> events, Set<ReferralCategory> categories, Set<String> statuses) {

    public static final ChannelRule DEFAULT = new ChannelRule(
            Set.of(EventType.REFERRAL_CREATED, EventType.SYNC_FAILED), Set.of(ReferralCategory.CO_SELL), Set.of());

    public ChannelRule {
        events = Set.copyOf(events);
        categories = Set.copyOf(categories);
        statuses =
                statuses.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean matches(Event event) {
        if (!events.contains(event.type())) {
            return false;
        }
        return event.referral()
                .map(referral -> (categories.isEmpty() || categories.contains(referral.category()))
                        && (statuses.isEmpty()
                                || (referral.status() != null
                                        && statuses.contains(referral.status().toLowerCase(Locale.ROOT)))))
                .orElse(true);
    }

    @Override
    public String toString() {
        return "events " + events.stream().map(EventType::wire).sorted().collect(Collectors.joining(","))
                + "; types "
                + (categories.isEmpty()
                        ? "any"
                        : categories.stream()
                                .map(ReferralCategory::label)
                                .sorted()
                                .collect(Collectors.joining(",")))
                + "; statuses " + (statuses.isEmpty() ? "any" : String.join(",", new java.util.TreeSet<>(statuses)));
    }
}
