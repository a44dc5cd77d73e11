package io.hunterreferrals.partnercenter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * MSAL's token cache persisted in one file. MSAL calls {@link #beforeCacheAccess} and {@link #afterCacheAccess} around
 * every cache operation (as a try-with-resources, on one thread), so the cross-process lock is held exactly for one
 * read-modify-write: load the file, let MSAL work, write it back only if MSAL changed something.
 *
 * <p>A file that exists but is not a JSON object is reported and never overwritten: silently replacing it would lose a
 * sign-in the operator may still be able to recover, and would hide a real problem (a wrong path, a mount gone bad).
 */
final class TokenCacheFile implements ITokenCacheAccessAspect {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final CacheFileLock lock;

    TokenCacheFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
        this.lock = new CacheFileLock(this.path);
    }

    Path path() {
        return path;
    }

    @Override
    public void beforeCacheAccess(ITokenCacheAccessContext context) {
        acquire();
        try {
            // Each MSAL application starts empty (PartnerCenterAuth builds one per operation), so loading the file
            // makes MSAL's memory exactly the file; a missing file leaves it empty, i.e. signed out.
            read().ifPresent(json -> context.tokenCache().deserialize(json));
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    @Override
    public void afterCacheAccess(ITokenCacheAccessContext context) {
        try {
            if (context.hasCacheChanged()) {
                write(context.tokenCache().serialize());
            }
        } finally {
            lock.release();
        }
    }

    /**
     * The validated file contents, or empty when there is no file.
     *
     * @throws TokenCacheUnreadableException when the file exists but is not a readable JSON object
     */
    Optional<String> read() {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            throw TokenCacheUnreadableException.unreadable(
                    path, "it cannot be read: " + e.getClass().getSimpleName(), e);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw TokenCacheUnreadableException.unreadable(path, "it is not valid JSON", null);
        }
        if (tree == null || !tree.isObject()) {
            throw TokenCacheUnreadableException.unreadable(path, "it is not a JSON object", null);
        }
        return Optional.of(text);
    }

    /** Reads under the lock, for status checks outside MSAL. */
    Optional<String> readLocked() {
        acquire();
        try {
            return read();
        } finally {
            lock.release();
        }
    }

    /** Deletes the cache file (and its lock file's content is irrelevant); true if there was one. */
    boolean delete() {
        acquire();
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw TokenCacheUnreadableException.unwritable(path, e);
        } finally {
            lock.release();
        }
    }

    /** Temp file in the same folder (0600 from birth), fsync, then an atomic rename: readers never see half a file. */
    private void write(String json) {
        Path tmp = null;
        try {
            SecureFiles.createPrivateParents(path);
            tmp = SecureFiles.createPrivateTempSibling(path);
            try (FileChannel ch =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(StandardCharsets.UTF_8.encode(json));
                ch.force(true);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Only on file systems without rename (rare); still never leave a half-written cache behind.
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            SecureFiles.restrictToOwner(path);
        } catch (IOException e) {
            throw TokenCacheUnreadableException.unwritable(path, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temp file is 0600 and holds nothing the cache does not
                }
            }
        }
    }

    private void acquire() {
        try {
            lock.acquire();
        } catch (UncheckedIOException e) {
            throw TokenCacheUnreadableException.unreadable(
                    path,
                    "its lock file cannot be opened: " + e.getCause().getClass().getSimpleName(),
                    e);
        }
    }
}
