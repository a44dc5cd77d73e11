package io.hunterreferrals.postgres.backup;

import io.hunterreferrals.postgres.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What backup and restore need to know of the server: its major version. */
final class ServerFacts {

    private ServerFacts() {}

    static int major(Database database) {
        try (Connection c = database.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new BackupException(
                    BackupException.Reason.DUMP_FAILED, "Cannot reach the database: " + e.getMessage(), e);
        }
    }
}
