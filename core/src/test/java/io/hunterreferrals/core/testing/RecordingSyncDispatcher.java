package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.sync.SyncDispatcher;
import io.hunterreferrals.core.sync.SyncRequest;
import java.util.ArrayList;
import java.util.List;

/** A {@link SyncDispatcher} that only remembers what it was handed, or fails when told to; thread-safe. */
public final class RecordingSyncDispatcher implements SyncDispatcher {

    private final List<SyncRequest> dispatched = new ArrayList<>();
    private RuntimeException failure;

    @Override
    public synchronized void dispatch(SyncRequest request) {
        if (failure != null) {
            throw failure;
        }
        dispatched.add(request);
    }

    public synchronized List<SyncRequest> dispatched() {
        return List.copyOf(dispatched);
    }

    /** Every later dispatch fails with {@code failure} ({@code null} to stop failing). */
    public synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }
}
