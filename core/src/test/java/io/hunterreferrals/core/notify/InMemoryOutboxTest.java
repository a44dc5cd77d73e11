package io.hunterreferrals.core.notify;

import io.hunterreferrals.core.testing.InMemoryOutbox;
import io.hunterreferrals.core.testing.OutboxContract;
import java.time.Instant;

class InMemoryOutboxTest extends OutboxContract {

    private InMemoryOutbox memory;

    @Override
    protected Outbox createOutbox() {
        memory = new InMemoryOutbox();
        return memory;
    }

    @Override
    protected void append(Event event, Instant at) {
        memory.append(event, at);
    }
}
