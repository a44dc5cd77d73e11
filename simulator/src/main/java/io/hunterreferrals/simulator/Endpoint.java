package io.hunterreferrals.simulator;

/** Which simulated endpoint a request hit; faults are scoped by it. */
enum Endpoint {
    REFERRALS_LIST,
    REFERRAL_BY_ID,
    TOKEN,
    DEVICE_CODE,
    OTHER
}
