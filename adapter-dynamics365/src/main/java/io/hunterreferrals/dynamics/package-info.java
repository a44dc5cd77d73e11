/**
 * The Dynamics 365 adapter: MSAL4J client-credentials sign-in (a secret or a certificate) and the Dataverse Web API
 * client that implements core's {@link io.hunterreferrals.core.push.LeadDestination}, plus the setup of the lead
 * table's custom columns and alternate key.
 *
 * <p>Public entry points: {@link io.hunterreferrals.dynamics.DataverseConfig} (with
 * {@link io.hunterreferrals.dynamics.DataverseCredential} and
 * {@link io.hunterreferrals.dynamics.DataverseRetrySettings}),
 * {@link io.hunterreferrals.dynamics.DataverseClientFactory} returning
 * {@link io.hunterreferrals.dynamics.DataverseClients}: the
 * {@link io.hunterreferrals.dynamics.DataverseLeadDestination} and the
 * {@link io.hunterreferrals.dynamics.DataverseSetup} with its result types. Everything else is package-private.
 *
 * <p>Logging rule for this package: event names with ids, codes, counts and request ids only. Never tokens, secrets,
 * e-mail addresses, names, phone numbers, notes or Dataverse's error messages (which may quote a value).
 */
package io.hunterreferrals.dynamics;
