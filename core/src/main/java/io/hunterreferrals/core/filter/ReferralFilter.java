package io.hunterreferrals.core.filter;

import io.hunterreferrals.core.referral.ApiValue;
import io.hunterreferrals.core.referral.Referral;
import java.util.List;
import java.util.Objects;

/**
 * Which new referrals a sync takes in. Values are compared case-insensitively with the API's text, so values this
 * version does not know can still be configured. An empty list means "any".
 *
 * <p>Only {@link #directions()} may be pushed to the API as an OData {@code $filter}: a referral's direction never
 * changes, whereas its status does, and a referral we hold must still reach us when it closes. Status and substatus
 * rules are therefore evaluated here, and a referral that is already stored is always updated whatever its new state
 * (see docs/adr/0005).
 *
 * @param directions accepted directions, e.g. {@code Incoming}
 * @param statuses accepted statuses, e.g. {@code New}, {@code Active}
 * @param excludedSubstatuses substatuses that are skipped, e.g. {@code Declined}
 */
public record ReferralFilter(List<String> directions, List<String> statuses, List<String> excludedSubstatuses) {

    /** Incoming referrals that are New or Active, whatever their substatus. */
    public static final ReferralFilter DEFAULT =
            new ReferralFilter(List.of("Incoming"), List.of("New", "Active"), List.of());

    public ReferralFilter {
        directions = cleaned(directions, "directions");
        statuses = cleaned(statuses, "statuses");
        excludedSubstatuses = cleaned(excludedSubstatuses, "excludedSubstatuses");
    }

    public FilterDecision evaluate(Referral referral) {
        if (!directions.isEmpty() && !containsIgnoringCase(directions, referral.direction())) {
            return new FilterDecision.Skip(FilterRule.DIRECTION);
        }
        if (!statuses.isEmpty() && !containsIgnoringCase(statuses, referral.status())) {
            return new FilterDecision.Skip(FilterRule.STATUS);
        }
        if (containsIgnoringCase(excludedSubstatuses, referral.substatus())) {
            return new FilterDecision.Skip(FilterRule.SUBSTATUS);
        }
        return FilterDecision.ACCEPT;
    }

    private static boolean containsIgnoringCase(List<String> values, ApiValue<?> value) {
        return value.raw() != null && values.stream().anyMatch(v -> v.equalsIgnoreCase(value.raw()));
    }

    private static List<String> cleaned(List<String> values, String name) {
        Objects.requireNonNull(values, name);
        return values.stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(v -> {
                    if (v.indexOf('\'') >= 0) {
                        // Values end up inside OData string literals; a quote can only be a typo.
                        throw new IllegalArgumentException(
                                "Filter value " + v + " in " + name + " must not contain a quote");
                    }
                    return v;
                })
                .distinct()
                .toList();
    }
}
