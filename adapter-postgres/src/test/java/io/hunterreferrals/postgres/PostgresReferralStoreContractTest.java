package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.PARTNER_CENTER_REFERRALS;

import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.query.QuarantineQueries;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralStore;
import io.hunterreferrals.core.testing.ReferralStoreContract;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresReferralStoreContractTest extends ReferralStoreContract {

    private final DataSource ds;

    PostgresReferralStoreContractTest(DataSource ds) {
        this.ds = ds;
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Override
    protected ReferralStore createStore() {
        return new JooqReferralStore(ds);
    }

    @Override
    protected CompanyDirectory createCompanyDirectory() {
        return new JooqCompanyDirectory(ds);
    }

    @Override
    protected QuarantineQueries createQuarantineQueries() {
        return new JooqQuarantineQueries(ds);
    }

    @Override
    protected LinkStatus linkStatusOf(ReferralId id) {
        return LinkStatus.fromCode(Seed.dsl(ds)
                .select(PARTNER_CENTER_REFERRALS.LINK_STATUS)
                .from(PARTNER_CENTER_REFERRALS)
                .where(PARTNER_CENTER_REFERRALS.REFERRAL_ID.eq(id.value()))
                .fetchSingle(PARTNER_CENTER_REFERRALS.LINK_STATUS));
    }

    @Override
    protected Optional<CompanyId> linkedCompanyOf(ReferralId id) {
        return Optional.ofNullable(Seed.dsl(ds)
                        .select(PARTNER_CENTER_REFERRALS.LINKED_COMPANY_ID)
                        .from(PARTNER_CENTER_REFERRALS)
                        .where(PARTNER_CENTER_REFERRALS.REFERRAL_ID.eq(id.value()))
                        .fetchSingle(PARTNER_CENTER_REFERRALS.LINKED_COMPANY_ID))
                .map(CompanyId::new);
    }
}
