package io.hunterreferrals.postgres;

import io.hunterreferrals.core.sync.StorageUnavailableException;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Reads PostgreSQL's SQLSTATE and constraint name out of jOOQ's exceptions. */
final class SqlErrors {

    static final String UNIQUE_VIOLATION = "23505";
    static final String DEADLOCK_DETECTED = "40P01";
    static final String SERIALIZATION_FAILURE = "40001";

    private SqlErrors() {}

    /**
     * The database cannot be reached: SQLSTATE class 08 (connection refused, lost, closed), 57P01–57P03 (shut down by
     * an administrator, crashed, not accepting connections yet), 53300 (too many connections), or the pool's time-out
     * waiting for a connection.
     */
    static boolean isConnectionLoss(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code e} as {@link StorageUnavailableException} when it is a connection loss, else {@code e} itself. */
    static RuntimeException translate(RuntimeException e) {
        if (e instanceof StorageUnavailableException || !isConnectionLoss(e)) {
            return e;
        }
        return new StorageUnavailableException(rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    /** The constraint (or unique index) a unique violation names, if {@code e} is one. */
    static Optional<String> uniqueViolation(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && UNIQUE_VIOLATION.equals(p.getSQLState())) {
                return Optional.of(Optional.ofNullable(p.getServerErrorMessage())
                        .map(ServerErrorMessage::getConstraint)
                        .orElse(""));
            }
        }
        return Optional.empty();
    }

    /** A transaction that lost a deadlock or serialization conflict; running it again is safe and expected to work. */
    static boolean isRetryable(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p
                    && (DEADLOCK_DETECTED.equals(p.getSQLState()) || SERIALIZATION_FAILURE.equals(p.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
