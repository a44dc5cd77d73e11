package io.hunterreferrals.simulator;

/**
 * Shapes of customerProfile.team and its e-mails that real payloads show or that a domain extractor must survive. Each
 * one appears in any data set of at least {@code values().length} referrals.
 */
enum ContactStyle {
    COMPANY,
    CONSUMER,
    SECOND_COMPANY_CONTACT,
    MIXED_CONSUMER_AND_COMPANY,
    CANARY,
    UPPER_CASE_EMAIL,
    SINGLE_OBJECT_TEAM,
    MEMBER_WITHOUT_EMAIL,
    EMPTY_STRING_EMAIL,
    EMPTY_TEAM,
    NULL_TEAM,
    NO_TEAM_KEY
}
