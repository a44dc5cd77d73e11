package io.hunterreferrals.core.notify;

import java.util.Objects;

/**
 * One field of a referral that changed, as text for people: {@code status} from {@code New} to {@code Active}.
 *
 * @param field the field's name ({@link ReferralFacts} names them)
 * @param before the old value, {@code null} when it had none
 * @param after the new value, {@code null} when it has none
 */
public record FieldChange(String field, String before, String after) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
    }
}
