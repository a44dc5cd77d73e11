package io.hunterreferrals.core.sync;

/** Driven port: hands a queued run to whatever executes syncs (the server's scheduler, possibly on another node). */
public interface SyncDispatcher {

    /**
     * Arranges for {@code request} (which names the queued run) to be executed soon.
     *
     * @throws RuntimeException when it cannot; the queued run is then marked failed
     */
    void dispatch(SyncRequest request);
}
