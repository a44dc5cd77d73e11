package io.hunterreferrals.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Starts an external program (psql) and waits for it; tests replace it to capture what would run. */
interface ProcessLauncher {

    /** The program shares this terminal: the operator types into it directly. */
    ProcessLauncher INHERIT_IO = (command, environment) -> {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        try {
            return builder.start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    };

    /**
     * @param environment variables added to this process's environment (e.g. PGPASSWORD)
     * @return the program's exit status
     */
    int run(List<String> command, Map<String, String> environment) throws IOException;
}
