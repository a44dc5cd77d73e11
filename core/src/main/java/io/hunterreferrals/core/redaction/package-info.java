/**
 * How a URL, a secret or an e-mail address is shown: {@link io.hunterreferrals.core.redaction.Redaction}, the one
 * masking function every module uses.
 */
package io.hunterreferrals.core.redaction;
