package io.hunterreferrals.cli;

import io.hunterreferrals.core.sync.StorageUnavailableException;
import io.hunterreferrals.core.sync.SyncErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into its exit code and one clear message on stderr: {@code error [code]: what happened and
 * what to do}. Unexpected exceptions are logged (type and message only) and end with exit code 1.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.cli");

    private final CliContext context;

    ErrorReporter(CliContext context) {
        this.context = context;
    }

    private static boolean databaseUnavailable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof StorageUnavailableException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        if (exception instanceof CliException cli) {
            context.err().println("error [" + cli.errorCode() + "]: " + cli.getMessage());
            context.err().flush();
            return cli.exitCode().code();
        }
        if (databaseUnavailable(exception)) {
            // The database went away (even the run's own record could not be written): an outage, not a bug.
            LOG.atError()
                    .setMessage("hunter_database_unavailable")
                    .addKeyValue("command", commandLine.getCommandName())
                    .log();
            context.err()
                    .println("error [" + SyncErrorCode.DATABASE_UNAVAILABLE.code()
                            + "]: The database went away or refused "
                            + "the connection. Nothing stored before that is lost; check that "
                            + "PostgreSQL is running "
                            + "(`hunter db info`) and run the command again — a sync resumes from the "
                            + "last stored page.");
            context.err().flush();
            return ExitCode.DATABASE_ERROR.code();
        }
        LOG.atError()
                .setMessage("hunter_command_failed")
                .addKeyValue("command", commandLine.getCommandName())
                .addKeyValue("error", exception.getClass().getName())
                .log();
        context.err()
                .println("error [internal_error]: " + exception.getClass().getSimpleName()
                        + (exception.getMessage() == null ? "" : ": " + exception.getMessage())
                        + "\nThis is a bug in hunter; please report it with the command you ran.");
        context.err().flush();
        return ExitCode.INTERNAL_ERROR.code();
    }
}
