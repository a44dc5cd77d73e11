package io.hunterreferrals.cli;

import io.hunterreferrals.postgres.Database;
import io.hunterreferrals.postgres.backup.PgClientConnection;
import io.hunterreferrals.postgres.backup.PgClientTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The psql command line for {@code hunter db shell}: the connection from {@link PgClientConnection} (the password and
 * TLS settings in libpq's environment variables, so they never show in a process list), then the operator's arguments.
 */
record PsqlInvocation(List<String> command, Map<String, String> environment) {

    /** The first psql on the PATH; any major serves an interactive shell. */
    static Optional<Path> findPsql(Map<String, String> environment) {
        return PgClientTools.onPath(environment, "psql").stream().findFirst();
    }

    /** @param extra arguments passed through to psql, e.g. {@code -c "SELECT ..."} */
    static PsqlInvocation of(Path psql, Database database, List<String> extra) {
        PgClientConnection connection = PgClientConnection.of(database);
        List<String> command = new ArrayList<>(List.of(psql.toString()));
        command.addAll(connection.arguments());
        command.addAll(extra);
        return new PsqlInvocation(List.copyOf(command), connection.environment());
    }
}
