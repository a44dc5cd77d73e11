package io.hunterreferrals.postgres.testing;

import io.hunterreferrals.postgres.DatabaseSettings;
import io.hunterreferrals.postgres.DatabaseUrl;
import javax.sql.DataSource;

/**
 * The test JVM's shared, migrated PostgreSQL, as handed out by {@link PostgresExtension}.
 *
 * @param dataSource pooled connections to the migrated test database
 * @param jdbcUrl JDBC URL of that database (no credentials)
 * @param user user name
 * @param password password ({@code null} for the embedded server, which trusts local connections)
 * @param kind {@code embedded} (zonky) or {@code docker} (Testcontainers)
 */
public record TestPostgres(DataSource dataSource, String jdbcUrl, String user, String password, String kind) {

    /**
     * Settings that make {@code Database.open} connect to this test database (as an external one), without migrating.
     */
    public DatabaseSettings settings() {
        return DatabaseSettings.external(DatabaseUrl.parse(jdbcUrl), user, password)
                .withMigrateOnStart(false);
    }

    /** JDBC URL of another database on the same server. */
    public String jdbcUrlFor(String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int q = jdbcUrl.indexOf('?', slash);
        return jdbcUrl.substring(0, slash + 1) + database + (q < 0 ? "" : jdbcUrl.substring(q));
    }

    @Override
    public String toString() {
        return "TestPostgres[" + kind + " " + jdbcUrl + " user=" + user + "]";
    }
}
