package io.hunterreferrals.core.referral;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The estimated deal value of a referral.
 *
 * @param amount the amount, never a binary floating-point value
 * @param currency the ISO 4217 code, {@code null} when the API gave none
 */
public record DealValue(BigDecimal amount, String currency) {

    public DealValue {
        Objects.requireNonNull(amount, "amount");
        currency = currency == null || currency.isBlank() ? null : currency.strip();
    }
}
