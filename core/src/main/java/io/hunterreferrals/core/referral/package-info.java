/**
 * The referral as Partner Center sends it, in value types: ids, status and substatus, customer, deal value, the raw
 * payload kept as sent.
 */
package io.hunterreferrals.core.referral;
