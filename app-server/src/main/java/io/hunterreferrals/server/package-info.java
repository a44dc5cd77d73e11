/** The server assembly: HTTP API, background sync, health and metrics. Placeholder until its issue lands. */
package io.hunterreferrals.server;
