package io.hunterreferrals.core.referral;

/**
 * An enumeration whose constants mirror string values of the Partner Center API. Each implementing enum has an
 * {@code UNKNOWN} constant whose {@link #apiName()} is {@code null}.
 */
public interface ApiEnum {

    /** The exact value the API uses, or {@code null} for the catch-all {@code UNKNOWN} constant. */
    String apiName();
}
