package io.hunterreferrals.postgres.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Row counts of every table of the product's schema, the measure a backup is verified by. One query (counting each
 * table through {@code query_to_xml}) so that the same text runs through JDBC on the source and through psql on the
 * scratch copy.
 */
final class TableCounts {

    static final String SQL = "SELECT table_name, (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c "
            + "FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text::bigint FROM "
            + "information_schema.tables "
            + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";

    private TableCounts() {}

    static Map<String, Long> of(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(SQL)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** Parses psql's unaligned, tuples-only output ({@code name|count} per line). */
    static Map<String, Long> parse(String psqlOutput) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String line : psqlOutput.strip().split("\n")) {
            int bar = line.lastIndexOf('|');
            if (bar > 0) {
                counts.put(
                        line.substring(0, bar),
                        Long.parseLong(line.substring(bar + 1).strip()));
            }
        }
        return counts;
    }
}
