package io.hunterreferrals.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.hunterreferrals.core.sync.SyncRunId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness of running syncs without a sweeper: the process running a sync holds a PostgreSQL session-level advisory
 * lock keyed by its run id, from before the run is claimed until it is finished. When the process dies (SIGKILL, OOM,
 * power loss) its session ends and PostgreSQL frees the lock at once, so whoever finds a {@code running} run can tell a
 * live one (lock taken) from a dead one (lock free) with one query.
 *
 * <p>The lock's session is a connection of its own, opened next to the pool rather than taken from it: a run lasts
 * minutes, and the pool (5 connections embedded, 10 otherwise) is for short statements.
 */
final class RunLocks {

    private static final Logger LOG = LoggerFactory.getLogger(RunLocks.class);

    private final DataSource dataSource;
    private final Map<SyncRunId, Connection> held = new ConcurrentHashMap<>();

    RunLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lock of {@code runId} (free: run ids are new) on a session kept until {@link #release}. */
    void acquire(SyncRunId runId) {
        Connection connection = null;
        try {
            connection = openSession();
            if (!call(connection, "SELECT pg_try_advisory_lock(?)", runId)) {
                throw new IllegalStateException("Run " + runId + " is already locked by another session");
            }
            held.put(runId, connection);
        } catch (SQLException e) {
            close(connection);
            throw SqlErrors.translate(new DataAccessException("Could not lock run " + runId, e));
        }
    }

    /** Whether the process that runs {@code runId} is gone: nobody holds its lock. */
    boolean isDead(SyncRunId runId) {
        if (held.containsKey(runId)) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "SELECT pg_try_advisory_lock(?)", runId)) {
                return false;
            }
            call(connection, "SELECT pg_advisory_unlock(?)", runId);
            return true;
        } catch (SQLException e) {
            throw SqlErrors.translate(new DataAccessException("Could not check run " + runId, e));
        }
    }

    /** Frees the lock and closes its session; harmless for a run this process does not hold. */
    void release(SyncRunId runId) {
        Connection connection = held.remove(runId);
        if (connection == null) {
            return;
        }
        try {
            call(connection, "SELECT pg_advisory_unlock(?)", runId);
        } catch (SQLException | RuntimeException e) {
            // a broken connection took its session, and the lock, with it
            LOG.atDebug().addKeyValue("task_id", runId.value()).log("sync_run_unlock_failed");
        } finally {
            close(connection);
        }
    }

    /** One bigint per run: advisory locks are keyed by numbers, runs by UUIDs. */
    static long key(SyncRunId runId) {
        return runId.value().getMostSignificantBits() ^ runId.value().getLeastSignificantBits();
    }

    private Connection openSession() throws SQLException {
        return openSession(dataSource, "hunter-run-lock");
    }

    /**
     * A connection of its own for a lock held as long as a run lasts, next to the pool when the pool says how to reach
     * the database (else one of the pool's), named {@code applicationName} in {@code pg_stat_activity}.
     */
    static Connection openSession(DataSource dataSource, String applicationName) throws SQLException {
        if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            Properties properties = new Properties();
            if (pool.getUsername() != null) {
                properties.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                properties.setProperty("password", pool.getPassword());
            }
            properties.setProperty("ApplicationName", applicationName);
            return DriverManager.getConnection(pool.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    private static boolean call(Connection connection, String sql, SyncRunId runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key(runId));
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to do with it
        }
    }
}
