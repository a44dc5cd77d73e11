package io.hunterreferrals.simulator;

/** Shapes of customerProfile.ids: the documented array, the 2018 sample's object, and the empty variants. */
enum IdsStyle {
    DUNS_AND_EXTERNAL,
    EXTERNAL_URL,
    EXTERNAL_HOST,
    EXTERNAL_IDN_HOST,
    DUNS_ONLY,
    SINGLE_OBJECT,
    EMPTY_ARRAY,
    EMPTY_OBJECT,
    NO_IDS_KEY
}
