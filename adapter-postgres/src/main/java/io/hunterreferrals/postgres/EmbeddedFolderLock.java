package io.hunterreferrals.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock beside an embedded data folder ({@code <folder>.lock}): whoever holds it decides alone whether to start the
 * server, attach to it or stop it, so two processes (or two threads) never start two servers on one folder.
 */
final class EmbeddedFolderLock {

    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private EmbeddedFolderLock() {}

    interface LockedAction<T> {
        T run();
    }

    /** Serialises start/attach/stop decisions for one data folder: within this JVM and across processes. */
    static <T> T withFolderLock(Path dataDir, LockedAction<T> action) {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(dataDir, d -> new ReentrantLock());
        jvmLock.lock();
        try {
            Path lockFile = siblingFile(dataDir, ".lock");
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel =
                    FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    return action.run();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the embedded database folder " + dataDir, e);
        } finally {
            jvmLock.unlock();
        }
    }

    static Path siblingFile(Path dataDir, String suffix) {
        return dataDir.resolveSibling(dataDir.getFileName() + suffix);
    }
}
