package io.hunterreferrals.partnercenter;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Owner-only files and folders. The token cache holds a long-lived refresh token in clear text, so the folders we
 * create are 0700 and the files 0600 from the moment they exist (never created world-readable and fixed afterwards). On
 * a file system without POSIX permissions (Windows) the defaults of the user's profile apply.
 */
final class SecureFiles {

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private SecureFiles() {}

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the missing parent folders of {@code file} as 0700; existing folders are left as they are. */
    static void createPrivateParents(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        for (Path dir : missing) {
            if (posix()) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                // the umask may have removed bits we asked for; set them exactly
                Files.setPosixFilePermissions(dir, DIRECTORY);
            } else {
                Files.createDirectory(dir);
            }
        }
    }

    /** A new empty 0600 temp file next to {@code file}, so a rename onto {@code file} stays on one file system. */
    static Path createPrivateTempSibling(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = "." + file.getFileName() + ".";
        if (posix()) {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(FILE);
            Path tmp = Files.createTempFile(dir, prefix, ".tmp", attr);
            Files.setPosixFilePermissions(tmp, FILE);
            return tmp;
        }
        return Files.createTempFile(dir, prefix, ".tmp");
    }

    static void restrictToOwner(Path file) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }
}
