package io.hunterreferrals.cli;

import io.hunterreferrals.partnercenter.LoopbackRoutingHttpClient;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code hunter} in a process of its own, for {@link SigkillTrialsTest} to kill: the real command line, with MSAL
 * routed to the simulator named by the environment (as {@link Cli} does in-process).
 */
public final class KillableSync {

    private KillableSync() {}

    public static void main(String[] args) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        URI authority = URI.create(environment.get("HUNTER_PARTNER_CENTER_AUTHORITY"));
        URI simulator = URI.create(environment.get("HUNTER_PARTNER_CENTER_API_URL"));
        CliContext context = new CliContext(
                environment,
                Path.of("").toAbsolutePath(),
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                false,
                System.out,
                Optional.of(LoopbackRoutingHttpClient.forAuthority(authority, simulator)),
                ProcessLauncher.INHERIT_IO);
        System.exit(HunterCommand.commandLine(context).execute(args));
    }
}
