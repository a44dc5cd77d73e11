package io.hunterreferrals.core.sync;

/**
 * Thrown by a storage port when its database cannot be reached: the connection was refused, lost or closed by the
 * server (a restart, a failover, an administrator's shutdown). Nothing is wrong with the data or the code; the same
 * call works again once the database is back. The sync records it as {@code database_unavailable}, not as a bug.
 */
public final class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
