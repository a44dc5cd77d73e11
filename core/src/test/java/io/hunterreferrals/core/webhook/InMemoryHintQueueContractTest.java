package io.hunterreferrals.core.webhook;

import io.hunterreferrals.core.testing.HintQueueContract;
import io.hunterreferrals.core.testing.InMemoryHintQueue;

class InMemoryHintQueueContractTest extends HintQueueContract {

    @Override
    protected HintQueue createQueue() {
        return new InMemoryHintQueue();
    }
}
