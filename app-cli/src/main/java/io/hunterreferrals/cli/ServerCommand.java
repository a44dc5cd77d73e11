package io.hunterreferrals.cli;

import io.hunterreferrals.server.ServerLauncher;
import io.hunterreferrals.server.ServerOptions;
import io.hunterreferrals.server.ServerRole;
import io.hunterreferrals.server.ServerStartupException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hunter server}: the HTTP API and the background sync, in the foreground until SIGTERM or Ctrl-C. */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = "Run the server: HTTP API on HUNTER_HTTP_HOST:HUNTER_HTTP_PORT (default 127.0.0.1:8000), "
                + "background sync every HUNTER_PARTNER_CENTER_SYNC_INTERVAL seconds, /healthz and /metrics. "
                + "Logs go to stdout. Stop with Ctrl-C or SIGTERM (a running sync finishes its page).")
final class ServerCommand implements Callable<Integer> {

    @Option(
            names = "--role",
            defaultValue = "all",
            paramLabel = "all|api|worker",
            description = "all (default): API and background sync; api: API only, manual syncs are queued for a "
                    + "worker; worker: background sync, health and metrics only.")
    String role;

    @Option(
            names = "--demo",
            description = "Embedded database in .hunter/demo, an in-process Partner Center "
                    + "simulator and a signed-in simulated account, syncing every 30 s. The data is SIMULATED.")
    boolean demo;

    private final CliContext context;

    ServerCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ServerRole serverRole;
        try {
            serverRole = ServerRole.parse(role);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "invalid_role", e.getMessage());
        }
        try {
            ServerLauncher.run(new ServerOptions(serverRole, demo), context.environment(), context.workingDir());
            return ExitCode.SUCCESS.code();
        } catch (ServerStartupException e) {
            throw new CliException(ExitCode.CONFIG_INVALID, "server_not_started", e.getMessage(), e);
        }
    }
}
