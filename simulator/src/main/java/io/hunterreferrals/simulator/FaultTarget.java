package io.hunterreferrals.simulator;

/** Which requests a {@link Fault} may hit. */
public enum FaultTarget {
    /** List calls: {@code GET /v1.0/engagements/referrals} (first page and nextLinks). */
    REFERRALS_LIST,
    /** {@code GET /v1.0/engagements/referrals/{id}}. */
    REFERRAL_BY_ID,
    /** Both Referrals API reads (not the PATCH, so a read fault never hits a write-back). */
    REFERRALS,
    /** {@code PATCH /v1.0/engagements/referrals/{id}} (the write-back of a lead id). */
    REFERRAL_PATCH,
    /** The Entra ID token endpoint (device-code polls and refreshes). */
    TOKEN,
    /** The Entra ID device-code endpoint. */
    DEVICE_CODE,
    /** Any of the above. */
    ANY;

    boolean matches(Endpoint endpoint) {
        return switch (this) {
            case REFERRALS_LIST -> endpoint == Endpoint.REFERRALS_LIST;
            case REFERRAL_BY_ID -> endpoint == Endpoint.REFERRAL_BY_ID;
            case REFERRAL_PATCH -> endpoint == Endpoint.REFERRAL_PATCH;
            case REFERRALS -> endpoint == Endpoint.REFERRALS_LIST || endpoint == Endpoint.REFERRAL_BY_ID;
            case TOKEN -> endpoint == Endpoint.TOKEN;
            case DEVICE_CODE -> endpoint == Endpoint.DEVICE_CODE;
            case ANY -> endpoint != Endpoint.OTHER;
        };
    }
}
