/**
 * The server assembly: one process serving the HTTP API ({@code adapter-http}) and running the background sync on
 * db-scheduler, in the role the operator chose ({@link io.hunterreferrals.server.ServerRole}), with health and
 * Prometheus metrics. Entry points: {@link io.hunterreferrals.server.ServerLauncher} (used by {@code hunter server})
 * and {@link io.hunterreferrals.server.ServerMain}.
 */
package io.hunterreferrals.server;
