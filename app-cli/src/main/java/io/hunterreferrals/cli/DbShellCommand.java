package io.hunterreferrals.cli;

import io.hunterreferrals.postgres.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * psql on the product's database, embedded or not, so the runbook's SQL can be pasted (phase 3.2). The database stays
 * open while psql runs: an embedded server is not stopped under the operator's feet.
 */
@Command(
        name = "shell",
        mixinStandardHelpOptions = true,
        description = "Open psql on the product's database (needs psql on the PATH). Arguments after -- go to psql.")
final class DbShellCommand implements Callable<Integer> {

    @Option(
            names = {"-c", "--command"},
            description = "Run this SQL and exit, like psql -c.")
    String sql;

    @Parameters(description = "More psql arguments (after --).", arity = "0..*")
    List<String> psqlArguments = new ArrayList<>();

    private final CliContext context;

    DbShellCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Path psql = PsqlInvocation.findPsql(context.environment())
                .orElseThrow(() -> new CliException(
                        ExitCode.TOOL_MISSING,
                        "psql_missing",
                        "psql is not on the PATH. Install the PostgreSQL client (Debian/Ubuntu: "
                                + "`sudo apt-get install postgresql-client`; macOS: `brew install libpq`), "
                                + "then run `hunter db shell` again. "
                                + "`hunter db info` shows the connection details for any other client."));
        List<String> extra = new ArrayList<>();
        if (sql != null) {
            extra.addAll(List.of("-c", sql));
        }
        extra.addAll(psqlArguments);
        try (Database database = context.openDatabase(context.settings().database())) {
            PsqlInvocation invocation = PsqlInvocation.of(psql, database, extra);
            context.err().println("Connecting to " + database.location() + " (\\q quits)");
            context.err().flush();
            int status = context.processes().run(invocation.command(), invocation.environment());
            return status == 0 ? ExitCode.SUCCESS.code() : status;
        }
    }
}
