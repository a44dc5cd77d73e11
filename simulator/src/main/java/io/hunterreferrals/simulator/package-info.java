/** A local stand-in for Entra ID and the Partner Center Referrals API, for tests and the demo. Placeholder until its issue lands. */
package io.hunterreferrals.simulator;
