package io.hunterreferrals.postgres;

import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Reads PostgreSQL's SQLSTATE and constraint name out of jOOQ's exceptions. */
final class SqlErrors {

    static final String UNIQUE_VIOLATION = "23505";
    static final String DEADLOCK_DETECTED = "40P01";
    static final String SERIALIZATION_FAILURE = "40001";

    private SqlErrors() {
    }

    /** The constraint (or unique index) a unique violation names, if {@code e} is one. */
    static Optional<String> uniqueViolation(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && UNIQUE_VIOLATION.equals(p.getSQLState())) {
                return Optional.of(Optional.ofNullable(p.getServerErrorMessage())
                        .map(ServerErrorMessage::getConstraint).orElse(""));
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
