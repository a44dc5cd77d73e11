package io.hunterreferrals.postgres;

import io.hunterreferrals.core.testing.HintQueueContract;
import io.hunterreferrals.core.webhook.HintQueue;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresHintQueueContractTest extends HintQueueContract {

    private final DataSource ds;

    PostgresHintQueueContractTest(DataSource ds) {
        this.ds = ds;
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Override
    protected HintQueue createQueue() {
        return new JooqHintQueue(ds);
    }
}
