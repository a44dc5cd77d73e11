package io.hunterreferrals.postgres.csv;

import io.hunterreferrals.core.leadimport.CompanyImportRow;
import io.hunterreferrals.core.leadimport.CompanyRowReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
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
 * Line numbers count physical lines from 1, the header being line 1, so a field with a line break makes the next
 * record start further down, as in an editor. Blank lines are skipped. Stateless and thread-safe.
 */
public final class CsvCompanyRowReader implements CompanyRowReader {

    /** The header must fit in this many characters (it is read twice: once to detect the delimiter). */
    private static final int HEADER_LIMIT = 64 * 1024;
    private static final char BOM = '\uFEFF';

    @Override
    public void read(InputStream file, Consumer<CompanyImportRow> rows) {
        BufferedReader text = utf8(file);
        char delimiter = detectDelimiter(text);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                // blank lines come back as records so that line numbers stay exact; they are skipped below
                .setIgnoreEmptyLines(false)
                .get();
        try (CSVParser parser = CSVParser.builder().setReader(text).setFormat(format).get()) {
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
                if (columns == null) {
                    columns = HeaderColumns.of(record, delimiter);
                    continue;
                }
                if (isBlank(record)) {
                    continue;
                }
                rows.accept(new CompanyImportRow(lineNumber, columns.domain(record), columns.name(record),
                        columns.country(record)));
            }
            if (columns == null) {
                throw new UnreadableFileException(
                        "Line 1: the file is empty; expected a header row with the columns domain, name, country", null);
            }
        } catch (IOException e) {
            throw new UnreadableFileException("The file could not be read: " + e.getMessage(), e);
        }
    }

    private static BufferedReader utf8(InputStream file) {
        // REPORT instead of the default REPLACE: a Windows-1254 (Turkish) file must fail loudly, not turn ş into �.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(file, decoder), HEADER_LIMIT);
    }

    /** Skips a byte order mark and returns the delimiter the header line uses most, outside quotes. */
    private static char detectDelimiter(BufferedReader text) {
        try {
            text.mark(HEADER_LIMIT);
            int first = text.read();
            if (first != BOM) {
                text.reset();
                text.mark(HEADER_LIMIT);
            }
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
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("Line 1: the file is not UTF-8 text (save it as \"CSV UTF-8\")", e);
        } catch (IOException e) {
            throw new UnreadableFileException("Line 1: the file could not be read: " + e.getMessage(), e);
        }
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
        if (cause instanceof CharacterCodingException) {
            return "the file is not UTF-8 text (save it as \"CSV UTF-8\")";
        }
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
