package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.ReferralColumns.PCR;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Collection;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.postgresql.PGConnection;

/**
 * Inserts referrals that are not stored yet with one {@code COPY}, the way a first sync brings in most of its rows. An
 * {@code INSERT ... ON CONFLICT} of the same rows inserts them one by one with speculative insertion, and its heap
 * pages go through shared buffers and push the indexes out, where COPY writes the heap in batches through a small ring:
 * a first sync of 100,000 referrals spent 79 s writing pages with the upsert and 30 s with this (docs/benchmarks.md §
 * Referral upsert).
 *
 * <p>Race-safe: the COPY runs under a savepoint. If another transaction stored one of the ids in the meantime, the COPY
 * fails with a unique violation (after waiting for that transaction, when it is still open), everything it wrote is
 * rolled back to the savepoint and the caller upserts the rows instead. Rows are copied in id order, like every other
 * write of a page, so two concurrent copies of overlapping ids wait for each other instead of deadlocking.
 */
final class NewReferralCopy {

    private static final String COPY_SQL = "COPY " + PCR.getName() + " ("
            + ReferralColumns.ALL.stream()
                    .map(f -> f.getUnqualifiedName().first())
                    .collect(Collectors.joining(", "))
            + ") FROM STDIN";

    private NewReferralCopy() {}

    /**
     * @param rows {@link ReferralColumns#values} of referrals believed absent, in referral id order
     * @return true when every row was inserted; false when one of them exists by now and nothing was inserted
     */
    static boolean tryInsert(DSLContext tx, Collection<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 2_500);
        rows.forEach(row -> CopyText.appendRow(text, row));
        return tx.connectionResult(connection -> copy(connection, text.toString()));
    }

    private static boolean copy(Connection connection, String text) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL, new StringReader(text));
        } catch (SQLException e) {
            if (!SqlErrors.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        } catch (IOException e) {
            throw new DataAccessException("Cannot stream the COPY of new referrals", e);
        }
        connection.releaseSavepoint(savepoint);
        return true;
    }
}
