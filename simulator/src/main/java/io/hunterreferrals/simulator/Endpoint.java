package io.hunterreferrals.simulator;

/** Which simulated endpoint a request hit; faults are scoped by it. */
enum Endpoint {
    REFERRALS_LIST,
    REFERRAL_BY_ID,
    REFERRAL_PATCH,
    TOKEN,
    DEVICE_CODE,
    OTHER
}
