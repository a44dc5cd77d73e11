package io.hunterreferrals.csv;

import io.hunterreferrals.core.leadimport.CompanyImportRow;
import io.hunterreferrals.core.leadimport.CompanyRowReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@link CompanyRowReader} for CSV files (RFC 4180, Apache Commons CSV): UTF-8 with or without a byte order mark; the
 * first line is a header naming the columns {@code domain}, {@code name} and optionally {@code country}, in any order
 * and case (other columns are ignored); the delimiter is {@code ,} or {@code ;}, whichever the header uses (Excel in
 * Turkish or German locales writes {@code ;}). Quoted fields may hold delimiters, quotes ({@code ""}) and line breaks.
 * Line numbers count physical lines from 1, the header being line 1, so a field with a line break makes the next record
 * start further down, as in an editor. Blank lines are skipped. Stateless and thread-safe.
 */
public final class CsvCompanyRowReader implements CompanyRowReader {

    /** The header must fit in this many characters (it is read twice: once to detect the delimiter). */
    private static final int HEADER_LIMIT = 64 * 1024;

    private static final char BOM = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';
    private static final String NOT_UTF8 = "the file is not UTF-8 text (save it from Excel as \"CSV UTF-8\")";

    @Override
    public void read(InputStream file, Consumer<CompanyImportRow> rows) {
        BufferedReader text = utf8(file);
        char delimiter = detectDelimiter(text);
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                // blank lines come back as records so that line numbers stay exact; they are skipped below
                .setIgnoreEmptyLines(false)
                .get();
        try (CSVParser parser =
                CSVParser.builder().setReader(text).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            HeaderColumns columns = null;
            long lineNumber = 1;
            while (true) {
                long recordLine = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new UnreadableFileException("Line " + recordLine + ": " + reason(e), e);
                }
                lineNumber = recordLine;
                if (hasUndecodableBytes(record)) {
                    throw new UnreadableFileException("Line " + lineNumber + ": " + NOT_UTF8, null);
                }
                if (columns == null) {
                    columns = HeaderColumns.of(record, delimiter);
                    continue;
                }
                if (isBlank(record)) {
                    continue;
                }
                rows.accept(new CompanyImportRow(
                        lineNumber, columns.domain(record), columns.name(record), columns.country(record)));
            }
            if (columns == null) {
                throw new UnreadableFileException(
                        "Line 1: the file is empty; expected a header row with the columns domain, name, country",
                        null);
            }
        } catch (IOException e) {
            throw new UnreadableFileException("The file could not be read: " + e.getMessage(), e);
        }
    }

    private static BufferedReader utf8(InputStream file) {
        // Bytes that are not UTF-8 become U+FFFD, which the record check turns into an error with its line: a
        // Windows-1254 (Turkish) file must fail loudly, not import ş as �. (A decoder that reports errors would fail
        // while the reader fills its buffer, far from the line at fault.)
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(file, decoder), HEADER_LIMIT);
    }

    /** Skips a byte order mark and returns the delimiter the header line uses most, outside quotes. */
    private static char detectDelimiter(BufferedReader text) {
        try {
            text.mark(HEADER_LIMIT);
            if (text.read() != BOM) {
                text.reset();
            }
            text.mark(HEADER_LIMIT);
            int commas = 0;
            int semicolons = 0;
            boolean quoted = false;
            for (int c = text.read(), read = 1; c != -1 && read < HEADER_LIMIT; c = text.read(), read++) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                } else if (!quoted && c == ',') {
                    commas++;
                } else if (!quoted && c == ';') {
                    semicolons++;
                }
            }
            text.reset();
            return semicolons > commas ? ';' : ',';
        } catch (IOException e) {
            throw new UnreadableFileException("Line 1: the file could not be read: " + e.getMessage(), e);
        }
    }

    private static boolean hasUndecodableBytes(CSVRecord record) {
        for (String value : record) {
            if (value.indexOf(REPLACEMENT) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String reason(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is never closed (a \" is missing)";
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return "a quoted field is followed by text before the next delimiter (use \"\" for a quote inside quotes)";
        }
        return message;
    }
}
