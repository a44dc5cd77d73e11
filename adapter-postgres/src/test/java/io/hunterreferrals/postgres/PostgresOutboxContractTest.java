package io.hunterreferrals.postgres;

import io.hunterreferrals.core.notify.Event;
import io.hunterreferrals.core.notify.Outbox;
import io.hunterreferrals.core.testing.OutboxContract;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresOutboxContractTest extends OutboxContract {

    private final DataSource ds;

    PostgresOutboxContractTest(DataSource ds) {
        this.ds = ds;
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Override
    protected Outbox createOutbox() {
        return new JooqOutbox(ds);
    }

    @Override
    protected void append(Event event, Instant at) {
        Seed.dsl(ds).transaction(cfg -> OutboxWriter.append(cfg.dsl(), List.of(event), Times.odt(at)));
    }
}
