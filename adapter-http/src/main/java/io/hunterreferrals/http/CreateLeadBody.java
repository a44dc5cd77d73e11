package io.hunterreferrals.http;

/** The optional body of create-lead: a name to use instead of the referral's company name, and notes. */
record CreateLeadBody(String companyNameOverride, String notes) {

    static final CreateLeadBody EMPTY = new CreateLeadBody(null, null);
}
