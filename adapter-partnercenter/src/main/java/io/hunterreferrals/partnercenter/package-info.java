/** Partner Center adapter: MSAL4J sign-in and the Referrals API client (implements ReferralSource). Placeholder until its issue lands. */
package io.hunterreferrals.partnercenter;
