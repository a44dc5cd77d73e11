package io.hunterreferrals.postgres;

import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.testing.CompanyDirectoryContract;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresCompanyDirectoryContractTest extends CompanyDirectoryContract {

    private final DataSource ds;

    PostgresCompanyDirectoryContractTest(DataSource ds) {
        this.ds = ds;
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Override
    protected CompanyDirectory createDirectory() {
        return new JooqCompanyDirectory(ds);
    }
}
