package io.hunterreferrals.core.push;

import io.hunterreferrals.core.classification.ReferralCategory;
import java.util.Objects;
import java.util.Set;

/**
 * Which stored referrals become leads. Empty sets do not filter: by default every stored referral is pushed.
 *
 * @param types only these categories
 * @param statuses only these Partner Center statuses (compared case-insensitively), e.g. {@code New}, {@code Active}
 */
public record PushFilter(Set<ReferralCategory> types, Set<String> statuses) {

    public static final PushFilter ALL = new PushFilter(Set.of(), Set.of());

    public PushFilter {
        types = Set.copyOf(Objects.requireNonNull(types, "types"));
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
    }

    public boolean accepts(ReferralCategory type, String status) {
        return (types.isEmpty() || types.contains(type))
                && (statuses.isEmpty() || statuses.stream().anyMatch(s -> s.equalsIgnoreCase(status)));
    }
}
