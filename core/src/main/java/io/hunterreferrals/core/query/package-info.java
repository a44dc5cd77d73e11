/**
 * Read models for the API, the CLI and the UI: query ports (referrals, leads, sync runs, quarantine), their filters,
 * sorts and pages.
 */
package io.hunterreferrals.core.query;
