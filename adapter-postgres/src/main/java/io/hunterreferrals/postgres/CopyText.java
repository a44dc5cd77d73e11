package io.hunterreferrals.postgres;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.JSONB;

/**
 * Rows in PostgreSQL's {@code COPY ... FROM STDIN} text format: one line per row, columns separated by a tab,
 * {@code \N} for NULL, and backslash, tab, newline and carriage return escaped. Each value is written as its type's
 * text input form, so PostgreSQL parses it exactly as it parses a bound parameter of that type (a timestamp keeps its
 * full fraction and offset and is rounded by the server, as a bound one is).
 */
final class CopyText {

    private CopyText() {}

    /** Appends one row and its line end; {@code values} are of the types {@link ReferralColumns#values} returns. */
    static void appendRow(StringBuilder out, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            appendValue(out, values[i]);
        }
        out.append('\n');
    }

    private static void appendValue(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("\\N");
            case String s -> appendEscaped(out, s);
            case JSONB json -> appendEscaped(out, json.data());
            case OffsetDateTime time -> out.append(time); // ISO 8601 with offset, e.g. 2026-11-22T10:15:30.1234567Z
            case BigDecimal decimal -> out.append(decimal.toPlainString()); // never an exponent
            case Long number -> out.append(number.longValue());
            case Integer number -> out.append(number.intValue());
            case Short number -> out.append(number.shortValue());
            case UUID uuid -> out.append(uuid);
            case Boolean b -> out.append(b ? 't' : 'f');
            default ->
                throw new IllegalArgumentException(
                        "No COPY text form for " + value.getClass().getName());
        }
    }

    private static void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
