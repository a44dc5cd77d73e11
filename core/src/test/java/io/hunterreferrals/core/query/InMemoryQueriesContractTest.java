package io.hunterreferrals.core.query;

import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.sync.ReferralStore;
import io.hunterreferrals.core.sync.SyncRunLog;
import io.hunterreferrals.core.testing.InMemoryCompanyDirectory;
import io.hunterreferrals.core.testing.InMemoryLeadQueries;
import io.hunterreferrals.core.testing.InMemoryReferralQueries;
import io.hunterreferrals.core.testing.InMemoryReferralStore;
import io.hunterreferrals.core.testing.InMemorySyncRunLog;
import io.hunterreferrals.core.testing.InMemorySyncRunQueries;
import io.hunterreferrals.core.testing.LeadQueriesContract;
import io.hunterreferrals.core.testing.ReferralQueriesContract;
import io.hunterreferrals.core.testing.SyncRunQueriesContract;
import org.junit.jupiter.api.Nested;

/**
 * The in-memory query ports obey the same contracts as the PostgreSQL ones, so the HTTP tests over them mean something.
 */
class InMemoryQueriesContractTest {

    @Nested
    class ReferralQueriesTest extends ReferralQueriesContract {
        private InMemoryCompanyDirectory companies;
        private InMemoryReferralStore store;

        @Override
        protected CompanyDirectory createCompanyDirectory() {
            companies = new InMemoryCompanyDirectory();
            return companies;
        }

        @Override
        protected ReferralStore createStore() {
            store = new InMemoryReferralStore();
            return store;
        }

        @Override
        protected ReferralQueries createQueries() {
            return new InMemoryReferralQueries(store, companies);
        }
    }

    @Nested
    class LeadQueriesTest extends LeadQueriesContract {
        private InMemoryCompanyDirectory companies;
        private InMemoryReferralStore store;

        @Override
        protected CompanyDirectory createCompanyDirectory() {
            companies = new InMemoryCompanyDirectory();
            return companies;
        }

        @Override
        protected ReferralStore createStore() {
            store = new InMemoryReferralStore();
            return store;
        }

        @Override
        protected LeadQueries createQueries() {
            return new InMemoryLeadQueries(companies, store);
        }
    }

    @Nested
    class SyncRunQueriesTest extends SyncRunQueriesContract {
        private InMemorySyncRunLog inMemory;

        @Override
        protected SyncRunLog createLog() {
            inMemory = new InMemorySyncRunLog();
            return inMemory;
        }

        @Override
        protected SyncRunQueries createQueries() {
            return new InMemorySyncRunQueries(inMemory);
        }
    }
}
