/**
 * The Partner Center adapter: MSAL4J device-code sign-in with a file token cache, the Referrals API client that
 * implements core's {@link io.hunterreferrals.core.sync.ReferralSource}, and the optional write-back of lead ids
 * ({@link io.hunterreferrals.core.push.ReferralWriteBack}).
 *
 * <p>Public entry points: {@link io.hunterreferrals.partnercenter.PartnerCenterAuthConfig},
 * {@link io.hunterreferrals.partnercenter.ReferralsApiConfig},
 * {@link io.hunterreferrals.partnercenter.PartnerCenterAuth} (sign-in, status, logout, tokens),
 * {@link io.hunterreferrals.partnercenter.PartnerCenterReferralSource} and
 * {@link io.hunterreferrals.partnercenter.PartnerCenterReferralWriteBack}. Everything else is package-private on
 * purpose.
 *
 * <p>Logging rule for this package: ids, status codes, counts and request ids only. Never tokens, device codes, e-mail
 * addresses, names, notes, URLs with query strings, or the token cache.
 */
package io.hunterreferrals.partnercenter;
