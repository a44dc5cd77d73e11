/**
 * A local stand-in for Entra ID (device-code flow, client credentials), the Partner Center Referrals API and the
 * Dataverse Web API, for tests and the demo.
 *
 * <p>Start it with {@link io.hunterreferrals.simulator.PartnerCenterSimulator#builder()}; steer it through
 * {@link io.hunterreferrals.simulator.SimulatedIdentity}, {@link io.hunterreferrals.simulator.SimulatedReferrals},
 * {@link io.hunterreferrals.simulator.SimulatedFaults} and read what it received from
 * {@link io.hunterreferrals.simulator.RequestJournal}. The Dataverse side starts with
 * {@link io.hunterreferrals.simulator.DataverseSimulator#builder()} and is steered through its {@code Dataverse*}
 * public types. Everything else in the package is an implementation detail.
 */
package io.hunterreferrals.simulator;
