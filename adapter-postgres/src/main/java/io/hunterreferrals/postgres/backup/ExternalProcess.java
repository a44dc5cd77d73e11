package io.hunterreferrals.postgres.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a PostgreSQL client program to its end, its output captured (bounded) and its stdout optionally to a file. */
final class ExternalProcess {

    /** Enough for any error pg_dump or psql prints; a runaway output is cut rather than held in memory. */
    private static final int MAX_CAPTURED = 64 * 1024;

    record Result(int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }

        /** The last lines of the output, for an operator's message. */
        String tail() {
            String[] lines = output.strip().split("\n");
            return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 5), lines.length));
        }
    }

    private ExternalProcess() {}

    /**
     * @param stdout where the program's standard output goes (a file that exists already, so its mode is kept), or
     *     {@code null} to capture it with standard error
     * @throws BackupException when the program cannot be started or does not finish in time
     */
    static Result run(List<String> command, Map<String, String> environment, Path stdout, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectInput(Redirect.from(new java.io.File("/dev/null")));
        if (stdout != null) {
            builder.redirectOutput(Redirect.to(stdout.toFile()));
        } else {
            builder.redirectErrorStream(true);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new BackupException(
                    BackupException.Reason.CLIENT_MISSING,
                    "Cannot run " + command.getFirst() + ": " + e.getMessage(),
                    e);
        }
        // The output is read on its own thread, so the timeout holds even when the program hangs with its output open.
        InputStream captured = stdout != null ? process.getErrorStream() : process.getInputStream();
        CompletableFuture<String> output = new CompletableFuture<>();
        Thread.ofVirtual().name("pg-client-output").start(() -> {
            try {
                output.complete(readBounded(captured));
            } catch (RuntimeException e) {
                output.completeExceptionally(e);
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new BackupException(
                        BackupException.Reason.DUMP_FAILED,
                        command.getFirst() + " did not finish within " + timeout.toMinutes()
                                + " minutes and was stopped");
            }
            return new Result(process.exitValue(), output.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BackupException(BackupException.Reason.DUMP_FAILED, command.getFirst() + " was interrupted", e);
        }
    }

    private static String readBounded(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (out.size() < MAX_CAPTURED) {
                    out.write(buffer, 0, Math.min(n, MAX_CAPTURED - out.size()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
