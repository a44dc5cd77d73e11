/**
 * An operator's link and unlink of a referral to a company, and their outcomes, over
 * {@link io.hunterreferrals.core.company.CompanyDirectory}.
 */
package io.hunterreferrals.core.link;
