package io.hunterreferrals.simulator;

/**
 * Distinctive values the simulator puts into tokens and personal data, so other modules' tests can assert that none of
 * them ever reaches a log line. Grep for {@link #MARKER} to catch every canary e-mail at once.
 */
public final class Canary {

    /** Substring shared by every canary e-mail address and domain. */
    public static final String MARKER = "hunter-canary";

    /** A real-looking domain on a multi-label public suffix (.com.tr), so domain extraction is exercised too. */
    public static final String DOMAIN = "hunter-canary.com.tr";

    /** The default signed-in operator (id_token preferred_username). */
    public static final String OPERATOR_EMAIL = "canary.operator@" + DOMAIN;

    public static final String OPERATOR_NAME = "Canary Operatör";

    /** Customer-side contact e-mail that a few generated referrals carry. */
    public static final String CUSTOMER_EMAIL = "canary.customer@" + DOMAIN;

    /** Customer-side phone number of the same referrals. */
    public static final String CUSTOMER_PHONE = "+90 555 000 13 37";

    /** Every access token starts with this, so a log scan can find a leaked one. */
    public static final String ACCESS_TOKEN_PREFIX = "simAT.";

    /** Every refresh token starts with this. */
    public static final String REFRESH_TOKEN_PREFIX = "simRT.";

    /** Every device code (the secret half of the device-code pair) starts with this. */
    public static final String DEVICE_CODE_PREFIX = "simDC.";

    private Canary() {}
}
