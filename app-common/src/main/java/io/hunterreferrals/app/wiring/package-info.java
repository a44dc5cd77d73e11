/**
 * The composition root the command line and the server share: typed settings in, adapters and use cases out.
 *
 * <ul>
 *   <li>{@link io.hunterreferrals.app.wiring.PartnerCenterWiring}: settings to the Partner Center adapter's config
 *       records, then {@code PartnerCenterAuth} and the Referrals client (with
 *       {@link io.hunterreferrals.app.wiring.PartnerCenterEventLogger} logging retries and throttling);
 *   <li>{@link io.hunterreferrals.app.wiring.Storage}: the database and every jOOQ store, query and database-backed use
 *       case (links, company import);
 *   <li>{@link io.hunterreferrals.app.wiring.SyncWiring}: the sync use case with the runbook's log events;
 *   <li>{@link io.hunterreferrals.app.wiring.DemoMode}: the same, against an in-process simulator with its own data
 *       folder and token cache.
 * </ul>
 */
package io.hunterreferrals.app.wiring;
