package io.hunterreferrals.postgres.backup;

import io.hunterreferrals.postgres.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Proves a backup restores: a scratch database on the same server, the file played into it by psql in one transaction
 * that stops at the first error, every table's row count compared with the source's, and the scratch database dropped
 * whatever happened.
 */
final class ScratchRestore {

    private final Database database;
    private final Path psql;
    private final Duration timeout;

    ScratchRestore(Database database, Path psql, Duration timeout) {
        this.database = database;
        this.psql = psql;
        this.timeout = timeout;
    }

    /** @return the scratch database's name (dropped by now) */
    String verify(Path backup, Map<String, Long> expected) {
        String scratch = "hunter_verify_" + UUID.randomUUID().toString().substring(0, 8);
        create(scratch);
        try {
            PgClientConnection target = PgClientConnection.of(database, scratch);
            Psql.play(psql, target, backup, timeout).ifPresent(failure -> {
                throw new BackupException(
                        BackupException.Reason.VERIFY_FAILED,
                        "The backup does not restore (into the scratch database " + scratch + "): " + failure
                                + ". Nothing was kept.");
            });
            Map<String, Long> restored = Psql.counts(psql, target, timeout);
            if (!restored.equals(expected)) {
                throw new BackupException(
                        BackupException.Reason.VERIFY_FAILED,
                        "The restored backup differs from the database: " + differences(expected, restored)
                                + ". Nothing was kept.");
            }
            return scratch;
        } finally {
            drop(scratch);
        }
    }

    private void create(String scratch) {
        try (Connection c = database.dataSource().getConnection()) {
            String encoding;
            String collate;
            String ctype;
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_encoding_to_char(encoding), datcollate, datctype "
                            + "FROM pg_database WHERE datname = current_database()");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                encoding = rs.getString(1);
                collate = rs.getString(2);
                ctype = rs.getString(3);
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + quote(scratch) + " TEMPLATE template0 ENCODING " + literal(encoding)
                        + " LC_COLLATE " + literal(collate) + " LC_CTYPE " + literal(ctype));
            }
        } catch (SQLException e) {
            throw new BackupException(
                    BackupException.Reason.VERIFY_FAILED,
                    "Cannot create a scratch database to "
                            + "verify the backup: " + e.getMessage()
                            + ". Let the database user create databases (ALTER ROLE "
                            + "<user> CREATEDB), or skip the check with --no-verify. Nothing was kept.",
                    e);
        }
    }

    private void drop(String scratch) {
        try (Connection c = database.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + quote(scratch) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new BackupException(
                    BackupException.Reason.VERIFY_FAILED,
                    "Cannot drop the scratch database " + scratch + " after verifying: " + e.getMessage()
                            + "; drop it by hand (DROP DATABASE " + scratch + ")",
                    e);
        }
    }

    private static String differences(Map<String, Long> expected, Map<String, Long> restored) {
        List<String> lines = new ArrayList<>();
        TreeSet<String> tables = new TreeSet<>(expected.keySet());
        tables.addAll(restored.keySet());
        for (String table : tables) {
            Long a = expected.get(table);
            Long b = restored.get(table);
            if (!Objects.equals(a, b)) {
                lines.add(table + " " + (a == null ? "missing" : a) + " in the database, " + (b == null ? "missing" : b)
                        + " restored");
            }
        }
        return String.join("; ", lines);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
