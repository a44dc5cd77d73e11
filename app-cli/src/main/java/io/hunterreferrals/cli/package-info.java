/**
 * The {@code hunter} command line (picocli): runbook phases 1-3 on an operator's machine (config check, device-code
 * sign-in, a sync with the runbook's summary) plus the database and data commands and a demo against the simulator. One
 * class per command; {@link io.hunterreferrals.cli.CliContext} carries the environment, working directory and streams,
 * so tests run the real commands in-process. Exit codes: {@link io.hunterreferrals.cli.ExitCode}.
 */
package io.hunterreferrals.cli;
