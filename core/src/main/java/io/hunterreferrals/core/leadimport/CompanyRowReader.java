package io.hunterreferrals.core.leadimport;

import java.io.InputStream;
import java.util.function.Consumer;

/** Driven port: reads the data lines of a companies file (CSV with a header row: domain, name, country). */
public interface CompanyRowReader {

    /**
     * Reads every data line, in order.
     *
     * @throws UnreadableFileException when the file itself is broken (no header, bad encoding, unclosed quote)
     */
    void read(InputStream file, Consumer<CompanyImportRow> rows);

    /** The file cannot be read as a companies file; the message says where and why. */
    final class UnreadableFileException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public UnreadableFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
