package io.hunterreferrals.postgres.backup;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * A backup file: its name as the production runbook writes it ({@code backup_<label>_<YYYYmmdd_HHMMSS>.sql}), created
 * owner-only from the first byte (it holds personal data), and the two marks of a complete plain-format pg_dump: the
 * header the runbook greps for and the end marker pg_dump writes only after the last row.
 */
final class BackupFile {

    static final String HEADER = "PostgreSQL database dump";
    static final String END_MARK = "-- PostgreSQL database dump complete";
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private BackupFile() {}

    /** @throws IllegalArgumentException when the label would make an odd file name */
    static String name(String label, LocalDateTime at) {
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("label '" + label + "' is not usable in a file name: use letters, "
                    + "digits, '_' and '-' (at most 64), e.g. pre_partner_center");
        }
        return "backup_" + label + "_" + at.format(STAMP) + ".sql";
    }

    /** Creates {@code dir} (owner-only when new) and an empty owner-only file in it. */
    static Path createPrivate(Path dir, String name) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path file = dir.resolve(name);
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------")); // whatever the umask
        } else {
            Files.createFile(file);
        }
        return file;
    }

    /** Whether the file is a plain-format pg_dump that ran to its end. */
    static boolean isComplete(Path file) throws IOException {
        return startsAsDump(file) && endsWithEndMark(file);
    }

    static boolean startsAsDump(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.limit(5).anyMatch(line -> line.contains(HEADER));
        } catch (java.io.UncheckedIOException e) {
            return false; // not text
        }
    }

    private static boolean endsWithEndMark(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int tail = (int) Math.min(length, 512);
            byte[] bytes = new byte[tail];
            raf.seek(length - tail);
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).contains(END_MARK);
        }
    }
}
