package io.hunterreferrals.simulator;

/**
 * How the simulated API answers a valid {@code PATCH} of {@code /externalReferenceId}. Microsoft does not document
 * whether Partner Center lets that field be changed (UNCONFIRMED, dataverse.md §8), so tests can play every answer.
 */
public enum PatchMode {
    /** Stores the value, issues a new eTag and bumps updatedDateTime: 204, or 200 with the referral. */
    ACCEPT,
    /** 400 invalidRequest: the field cannot be changed. */
    REFUSE_NOT_UPDATABLE,
    /** 403 accessDenied: the signed-in user may read referrals but not change them. */
    REFUSE_FORBIDDEN,
    /** Answers as if it stored the value, and does not: 204, or 200 with the unchanged referral. */
    IGNORE
}
