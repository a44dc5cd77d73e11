package io.hunterreferrals.postgres;

import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.query.ReferralQueries;
import io.hunterreferrals.core.sync.ReferralStore;
import io.hunterreferrals.core.testing.ReferralQueriesContract;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresReferralQueriesContractTest extends ReferralQueriesContract {

    private final DataSource ds;

    PostgresReferralQueriesContractTest(DataSource ds) {
        this.ds = ds;
    }

    // The contract seeds in its own @BeforeEach, which JUnit runs before ours: empty the tables when it asks for the
    // directory, its first step.
    @Override
    protected CompanyDirectory createCompanyDirectory() {
        PostgresExtension.truncateAll(ds);
        return new JooqCompanyDirectory(ds);
    }

    @Override
    protected ReferralStore createStore() {
        return new JooqReferralStore(ds);
    }

    @Override
    protected ReferralQueries createQueries() {
        return new JooqReferralQueries(ds);
    }
}
