package io.hunterreferrals.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.push.PushRunId;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.StorageUnavailableException;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.net.ServerSocket;
import java.time.Instant;
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
        DataSource nowhere = nowhere();
        assertThatThrownBy(() -> Jooq.using(nowhere).fetch("SELECT 1")).isInstanceOf(StorageUnavailableException.class);
    }

    /** A database on a port nobody listens on. */
    private static DataSource nowhere() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:" + closedPort + "/hunter");
        nowhere.setConnectTimeout(2);
        return nowhere;
    }

    @Test
    void thePushPortsReportARefusedConnectionAsStorageUnavailable() throws Exception {
        DataSource nowhere = nowhere();
        assertThatThrownBy(() -> new JooqPushStateStore(nowhere).find(ReferralId.of("r-1")))
                .isInstanceOf(StorageUnavailableException.class);
        // the run lock's own session, opened next to the pool
        assertThatThrownBy(() -> new JooqPushRunLog(nowhere, "host/1")
                        .start(PushRunId.random(), PushRequest.of(PushTrigger.CLI), Instant.now()))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void anOrdinarySqlErrorStaysADataAccessException() {
        assertThatThrownBy(() -> Jooq.using(ds).fetch("SELECT * FROM no_such_table"))
                .isInstanceOf(DataAccessException.class);
    }
}
