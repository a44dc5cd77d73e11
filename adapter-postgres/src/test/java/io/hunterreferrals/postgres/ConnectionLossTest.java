package io.hunterreferrals.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.sync.StorageUnavailableException;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.net.ServerSocket;
import javax.sql.DataSource;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/** A lost or refused connection reaches the core as StorageUnavailableException, other SQL errors do not. */
@ExtendWith(PostgresExtension.class)
class ConnectionLossTest {

    private final DataSource ds;

    ConnectionLossTest(DataSource ds) {
        this.ds = ds;
    }

    @Test
    void aConnectionTheServerTerminatesMidStatementIsStorageUnavailable() {
        // what a fast shutdown or a failover does to the session running a page write
        assertThatThrownBy(() -> Jooq.using(ds).fetch("SELECT pg_terminate_backend(pg_backend_pid())"))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("terminating connection");
    }

    @Test
    void aRefusedConnectionIsStorageUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:" + closedPort + "/hunter");
        nowhere.setConnectTimeout(2);
        assertThatThrownBy(() -> Jooq.using(nowhere).fetch("SELECT 1")).isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void anOrdinarySqlErrorStaysADataAccessException() {
        assertThatThrownBy(() -> Jooq.using(ds).fetch("SELECT * FROM no_such_table"))
                .isInstanceOf(DataAccessException.class);
    }
}
