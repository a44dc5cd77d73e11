package io.hunterreferrals.server;

import java.nio.file.Path;

/**
 * {@code java -cp ... io.hunterreferrals.server.ServerMain [--role all|api|worker] [--demo]}: the server without the
 * command line (container entry points). {@code hunter server} does the same.
 */
public final class ServerMain {

    private ServerMain() {}

    public static void main(String[] args) {
        ServerOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("Usage: ServerMain [--role all|api|worker] [--demo]");
            System.exit(2);
            return;
        }
        try {
            ServerLauncher.run(options, System.getenv(), Path.of("").toAbsolutePath());
        } catch (ServerStartupException e) {
            System.err.println("hunter server: " + e.getMessage());
            System.exit(1);
        }
    }

    static ServerOptions parse(String[] args) {
        ServerRole role = ServerRole.ALL;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.equals("--role") && i + 1 < args.length) {
                role = ServerRole.parse(args[++i]);
            } else if (arg.startsWith("--role=")) {
                role = ServerRole.parse(arg.substring("--role=".length()));
            } else {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'");
            }
        }
        return new ServerOptions(role, demo);
    }
}
