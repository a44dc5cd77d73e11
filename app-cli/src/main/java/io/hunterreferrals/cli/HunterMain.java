package io.hunterreferrals.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** The program: the real environment, working directory and streams; exits with the command's exit code. */
public final class HunterMain {

    private HunterMain() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(
                System.getenv(),
                Path.of(""),
                out,
                err,
                isTerminal(),
                System.err,
                Optional.empty(),
                ProcessLauncher.INHERIT_IO);
        int exitCode = HunterCommand.commandLine(context).execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** A person at a terminal; from Java 22 {@code System.console()} is non-null even when output is redirected. */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only on a terminal
        }
    }
}
