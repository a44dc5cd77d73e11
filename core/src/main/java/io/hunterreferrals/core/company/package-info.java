/**
 * Companies (the leads) and how a referral resolves to one; port
 * {@link io.hunterreferrals.core.company.CompanyDirectory}; operator link statuses and decisions.
 */
package io.hunterreferrals.core.company;
