/**
 * The push of stored referrals to a CRM as leads ("Hamle 2"): the use case
 * {@link io.hunterreferrals.core.push.PushReferrals}, the mapping rules
 * ({@link io.hunterreferrals.core.push.LeadMapping}), and its ports:
 * {@link io.hunterreferrals.core.push.LeadDestination} (the CRM) and
 * {@link io.hunterreferrals.core.push.PushStateStore} (which referrals are due, and what became of each).
 */
package io.hunterreferrals.core.push;
