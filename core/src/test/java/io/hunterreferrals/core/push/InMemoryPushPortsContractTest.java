package io.hunterreferrals.core.push;

import io.hunterreferrals.core.sync.ReferralRecord;
import io.hunterreferrals.core.testing.InMemoryPushQueries;
import io.hunterreferrals.core.testing.InMemoryPushRunLog;
import io.hunterreferrals.core.testing.InMemoryPushStateStore;
import io.hunterreferrals.core.testing.PushCandidates;
import io.hunterreferrals.core.testing.PushQueriesContract;
import io.hunterreferrals.core.testing.PushRunLogContract;
import io.hunterreferrals.core.testing.PushStateStoreContract;
import io.hunterreferrals.core.testing.PushStateWriteBackContract;
import java.util.Optional;
import org.junit.jupiter.api.Nested;

/** The in-memory push ports obey the same contracts as the PostgreSQL ones, so PushReferralsTest means something. */
class InMemoryPushPortsContractTest {

    @Nested
    class PushStateStoreTest extends PushStateStoreContract {
        private InMemoryPushStateStore inMemory;

        @Override
        protected PushStateStore createStore() {
            inMemory = new InMemoryPushStateStore();
            return inMemory;
        }

        @Override
        protected PushCandidate storeAsTheSyncWould(ReferralRecord record) {
            inMemory.put(PushCandidates.stored(record));
            return inMemory.find(record.referral().id()).orElseThrow();
        }
    }

    @Nested
    class PushStateWriteBackTest extends PushStateWriteBackContract {
        private InMemoryPushStateStore inMemory;

        @Override
        protected PushStateStore createStore() {
            inMemory = new InMemoryPushStateStore();
            return inMemory;
        }

        @Override
        protected PushCandidate storeAsTheSyncWould(ReferralRecord record) {
            inMemory.put(PushCandidates.stored(record));
            return inMemory.find(record.referral().id()).orElseThrow();
        }
    }

    @Nested
    class PushRunLogTest extends PushRunLogContract {
        private InMemoryPushRunLog inMemory;

        @Override
        protected PushRunLog createLog() {
            inMemory = new InMemoryPushRunLog();
            return inMemory;
        }

        @Override
        protected PushRunLog sameRecordsElsewhere() {
            return inMemory;
        }

        @Override
        protected Optional<PushReport> finished(PushRunId runId) {
            return inMemory.finished().stream()
                    .filter(r -> r.runId().equals(runId))
                    .findFirst();
        }
    }

    @Nested
    class PushQueriesTest extends PushQueriesContract {
        private InMemoryPushStateStore states;

        @Override
        protected Ports createPorts() {
            states = new InMemoryPushStateStore();
            InMemoryPushRunLog runs = new InMemoryPushRunLog();
            return new Ports(runs, states, new InMemoryPushQueries(runs, states));
        }

        @Override
        protected PushCandidate storeAsTheSyncWould(ReferralRecord record) {
            states.put(PushCandidates.stored(record));
            return states.find(record.referral().id()).orElseThrow();
        }
    }
}
