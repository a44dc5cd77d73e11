package io.hunterreferrals.core.classification;

import java.util.Arrays;
import java.util.Optional;

/** The sales category a referral belongs to; the values of {@code partner_center_referrals.referral_type}. */
public enum ReferralCategory {
    CO_SELL("co-sell"),
    MARKETPLACE("marketplace"),
    SOLUTION_PROVIDER("solution-provider"),
    /** No rule could decide; stored as SQL {@code NULL}. */
    UNKNOWN(null);

    private final String code;

    ReferralCategory(String code) {
        this.code = code;
    }

    /** The stored and displayed code ({@code co-sell}, ...), empty for {@link #UNKNOWN}. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** Parses a stored code; {@code null} gives {@link #UNKNOWN}; anything else unrecognised is an error. */
    public static ReferralCategory fromCode(String code) {
        if (code == null) {
            return UNKNOWN;
        }
        return Arrays.stream(values()).filter(c -> code.equals(c.code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown referral type '" + code + "'; expected co-sell, marketplace or solution-provider"));
    }
}
