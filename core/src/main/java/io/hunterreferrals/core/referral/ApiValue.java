package io.hunterreferrals.core.referral;

import java.util.Objects;

/**
 * A value read from the API: the recognised constant plus the raw text it came from. Microsoft adds enumeration values
 * without notice, so an unrecognised value never throws: it maps to {@code UNKNOWN} and its text is kept, so it can be
 * stored, shown and re-evaluated later.
 *
 * @param value the recognised constant, {@code UNKNOWN} when the text is absent or not recognised
 * @param raw the trimmed text from the API, {@code null} when absent or blank
 */
public record ApiValue<E extends Enum<E> & ApiEnum>(E value, String raw) {

    public ApiValue {
        Objects.requireNonNull(value, "value");
    }

    /** Parses API text case-insensitively; blank or unrecognised text gives the enum's {@code UNKNOWN}. */
    public static <E extends Enum<E> & ApiEnum> ApiValue<E> parse(Class<E> type, String text) {
        String raw = text == null || text.isBlank() ? null : text.strip();
        E unknown = null;
        for (E constant : type.getEnumConstants()) {
            if (constant.apiName() == null) {
                unknown = constant;
            } else if (constant.apiName().equalsIgnoreCase(raw)) {
                return new ApiValue<>(constant, raw);
            }
        }
        if (unknown == null) {
            throw new IllegalStateException(type.getName() + " has no UNKNOWN constant");
        }
        return new ApiValue<>(unknown, raw);
    }

    /** A known value, with its canonical text. */
    public static <E extends Enum<E> & ApiEnum> ApiValue<E> of(E value) {
        return new ApiValue<>(value, value.apiName());
    }

    public boolean is(E candidate) {
        return value == candidate;
    }

    public boolean isPresent() {
        return raw != null;
    }

    /** The raw text, or an empty string when absent. */
    @Override
    public String toString() {
        return raw == null ? "" : raw;
    }
}
