package io.hunterreferrals.partnercenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to one token cache file, across threads and processes (the CLI and the server share the file).
 *
 * <p>Two layers, because an OS file lock is held by the whole JVM: a second {@code FileChannel.lock()} on the same file
 * from another thread throws {@code OverlappingFileLockException} instead of waiting. So threads of this JVM queue on a
 * {@link ReentrantLock} shared per path, and only the outermost holder takes the {@link FileLock} on a sibling
 * {@code .lock} file (never the cache itself, which is replaced by rename and so cannot carry a lock).
 */
final class CacheFileLock {

    private static final ConcurrentMap<Path, Shared> BY_PATH = new ConcurrentHashMap<>();

    private final Shared shared;

    CacheFileLock(Path cacheFile) {
        Path lockFile = cacheFile.resolveSibling(cacheFile.getFileName() + ".lock");
        this.shared = BY_PATH.computeIfAbsent(lockFile, Shared::new);
    }

    /**
     * Blocks until this thread holds the lock; re-entrant. Must be paired with {@link #release()} on the same thread.
     */
    void acquire() {
        shared.jvm.lock();
        if (shared.jvm.getHoldCount() > 1) {
            return;
        }
        try {
            SecureFiles.createPrivateParents(shared.lockFile);
            shared.channel = FileChannel.open(shared.lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            SecureFiles.restrictToOwner(shared.lockFile);
            shared.fileLock = shared.channel.lock();
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            shared.jvm.unlock();
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        }
    }

    void release() {
        try {
            if (shared.jvm.getHoldCount() == 1) {
                closeQuietly();
            }
        } finally {
            shared.jvm.unlock();
        }
    }

    private void closeQuietly() {
        try {
            if (shared.fileLock != null) {
                shared.fileLock.release();
            }
        } catch (IOException ignored) {
            // closing the channel below releases it as well
        }
        try {
            if (shared.channel != null) {
                shared.channel.close();
            }
        } catch (IOException ignored) {
            // nothing left to do; the OS drops the lock with the descriptor
        }
        shared.fileLock = null;
        shared.channel = null;
    }

    /** State shared by every cache instance on the same path in this JVM; fields are guarded by {@code jvm}. */
    private static final class Shared {
        final Path lockFile;
        final ReentrantLock jvm = new ReentrantLock();
        FileChannel channel;
        FileLock fileLock;

        Shared(Path lockFile) {
            this.lockFile = lockFile;
        }
    }
}
