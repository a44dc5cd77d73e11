package io.hunterreferrals.core.referral;

import java.util.Objects;

/**
 * One entry of {@code customerProfile.ids[]}: a D&amp;B number ({@code Duns}) or the partner's own id
 * ({@code External}), which some partners fill with the customer's web site.
 *
 * @param profileType the raw profile type, e.g. {@code Duns} or {@code External}; may be {@code null}
 * @param id the id text
 */
public record CustomerId(String profileType, String id) {

    public CustomerId {
        Objects.requireNonNull(id, "id");
    }

    public boolean isExternal() {
        return "External".equalsIgnoreCase(profileType);
    }
}
