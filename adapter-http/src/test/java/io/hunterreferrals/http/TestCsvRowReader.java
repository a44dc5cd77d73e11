package io.hunterreferrals.http;

import io.hunterreferrals.core.leadimport.CompanyImportRow;
import io.hunterreferrals.core.leadimport.CompanyRowReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stand-in for the real CSV adapter in route tests: header {@code domain,name,country}, double-quoted fields, an
 * unclosed quote or a missing header makes the file unreadable. Reads line by line so size limits trip mid-file.
 */
final class TestCsvRowReader implements CompanyRowReader {

    @Override
    public void read(InputStream file, Consumer<CompanyImportRow> rows) {
        String text;
        try {
            text = new String(file.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || !lines[0].strip().toLowerCase().startsWith("domain")) {
            throw new UnreadableFileException(
                    "Line 1: the header must start with 'domain' (domain,name,country)", null);
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> f = fields(lines[i], i + 1);
            rows.accept(new CompanyImportRow(
                    i + 1,
                    f.get(0),
                    f.size() > 1 && !f.get(1).isEmpty() ? f.get(1) : null,
                    f.size() > 2 && !f.get(2).isEmpty() ? f.get(2) : null));
        }
    }

    private static List<String> fields(String line, int number) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new UnreadableFileException("Line " + number + ": a quoted field is not closed", null);
        }
        fields.add(field.toString());
        return fields;
    }
}
