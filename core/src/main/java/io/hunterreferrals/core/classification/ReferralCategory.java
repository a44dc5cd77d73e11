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

    /** How people and filters name {@link #UNKNOWN}: the word shown in tables and accepted by every type filter. */
    public static final String UNCLASSIFIED = "unclassified";

    private final String code;

    ReferralCategory(String code) {
        this.code = code;
    }

    /** The stored and displayed code ({@code co-sell}, ...), empty for {@link #UNKNOWN}. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The code, or {@link #UNCLASSIFIED} for {@link #UNKNOWN}: what a table cell or a filter value says. */
    public String label() {
        return code == null ? UNCLASSIFIED : code;
    }

    /**
     * Parses a filter value: a code or {@link #UNCLASSIFIED}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ReferralCategory fromLabel(String label) {
        if (UNCLASSIFIED.equals(label)) {
            return UNKNOWN;
        }
        return Arrays.stream(values())
                .filter(c -> label.equals(c.code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown referral type '" + label
                        + "'; expected co-sell, marketplace, solution-provider or " + UNCLASSIFIED));
    }

    /** Parses a stored code; {@code null} gives {@link #UNKNOWN}; anything else unrecognised is an error. */
    public static ReferralCategory fromCode(String code) {
        if (code == null) {
            return UNKNOWN;
        }
        return Arrays.stream(values())
                .filter(c -> code.equals(c.code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown referral type '" + code + "'; expected co-sell, marketplace or solution-provider"));
    }
}
