/**
 * HTTP adapter: the Javalin API over core's use cases and query ports (routes listed in this module's README and
 * {@code openapi.json}), health and metrics, server-sent sync events, and the web UI served at {@code /mini-ui/}.
 */
package io.hunterreferrals.http;
