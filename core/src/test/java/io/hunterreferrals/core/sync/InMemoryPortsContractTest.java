package io.hunterreferrals.core.sync;

import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.query.SyncRunView;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.testing.CompanyDirectoryContract;
import io.hunterreferrals.core.testing.InMemoryCompanyDirectory;
import io.hunterreferrals.core.testing.InMemoryReferralStore;
import io.hunterreferrals.core.testing.InMemorySyncRunLog;
import io.hunterreferrals.core.testing.InMemorySyncRunQueries;
import io.hunterreferrals.core.testing.ReferralStoreContract;
import io.hunterreferrals.core.testing.SyncRunLogContract;
import java.util.Optional;
import org.junit.jupiter.api.Nested;

/** The in-memory ports obey the same contracts as the PostgreSQL ones, so core tests mean something. */
class InMemoryPortsContractTest {

    @Nested
    class ReferralStoreTest extends ReferralStoreContract {
        private InMemoryReferralStore inMemory;

        @Override
        protected ReferralStore createStore() {
            inMemory = new InMemoryReferralStore();
            return inMemory;
        }

        @Override
        protected CompanyDirectory createCompanyDirectory() {
            return new InMemoryCompanyDirectory();
        }

        @Override
        protected io.hunterreferrals.core.query.QuarantineQueries createQuarantineQueries() {
            return inMemory;
        }

        @Override
        protected LinkStatus linkStatusOf(ReferralId id) {
            return inMemory.row(id).orElseThrow().linkStatus();
        }

        @Override
        protected Optional<CompanyId> linkedCompanyOf(ReferralId id) {
            return inMemory.row(id).orElseThrow().linkedCompany();
        }
    }

    @Nested
    class CompanyDirectoryTest extends CompanyDirectoryContract {
        @Override
        protected CompanyDirectory createDirectory() {
            return new InMemoryCompanyDirectory();
        }
    }

    @Nested
    class SyncRunLogTest extends SyncRunLogContract {
        private InMemorySyncRunLog inMemory;

        @Override
        protected SyncRunLog createLog() {
            inMemory = new InMemorySyncRunLog();
            return inMemory;
        }

        @Override
        protected SyncStatus statusOf(SyncRunId runId) {
            return inMemory.run(runId).orElseThrow().status();
        }

        @Override
        protected SyncRunView viewOf(SyncRunId runId) {
            return new InMemorySyncRunQueries(inMemory).find(runId).orElseThrow();
        }
    }
}
