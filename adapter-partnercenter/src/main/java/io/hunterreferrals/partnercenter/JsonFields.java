package io.hunterreferrals.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient readers for the shapes real payloads use: {@code null}, {@code ""} and missing all mean "absent"; a list may
 * come as a single object; scalars are accepted where text is expected. Only a container where a value belongs (or a
 * value where a container belongs) is a real type error.
 */
final class JsonFields {

    private JsonFields() {}

    static boolean absent(JsonNode n) {
        return n == null
                || n.isMissingNode()
                || n.isNull()
                || (n.isTextual() && n.asText().isBlank());
    }

    /** Text, or null when absent; numbers and booleans as their text (salesStage was seen as "100"). */
    static String text(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        if (absent(n)) {
            return null;
        }
        if (n.isContainerNode()) {
            throw new Unmappable(Unmappable.INVALID_REFERRAL, field);
        }
        return n.asText();
    }

    /**
     * Like {@link #text} but a wrong type reads as absent: for undocumented legacy keys that must never fail a
     * referral.
     */
    static String textOrNull(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        return absent(n) || n.isContainerNode() ? null : n.asText();
    }

    /** The object, or an empty (missing) node when absent. */
    static JsonNode object(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        if (absent(n)) {
            return MissingNode.getInstance();
        }
        if (!n.isObject()) {
            throw new Unmappable(Unmappable.INVALID_REFERRAL, field);
        }
        return n;
    }

    /** The objects of an array, or the one object given in its place; nulls inside the array are skipped. */
    static List<JsonNode> objects(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        List<JsonNode> out = new ArrayList<>();
        if (absent(n)) {
            return out;
        }
        if (n.isObject()) {
            out.add(n);
            return out;
        }
        if (!n.isArray()) {
            throw new Unmappable(Unmappable.INVALID_REFERRAL, field);
        }
        for (JsonNode element : n) {
            if (element.isObject()) {
                out.add(element);
            } else if (!element.isNull()) {
                throw new Unmappable(Unmappable.INVALID_REFERRAL, field);
            }
        }
        return out;
    }

    /**
     * An ISO-8601 timestamp: with offset or {@code Z} (any number of fractional digits, the API sends 7), a local
     * date-time (read as UTC, which is what the API means), or a bare date (midnight UTC).
     */
    static Instant instant(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        if (absent(n)) {
            return null;
        }
        if (!n.isTextual()) {
            throw new Unmappable(Unmappable.BAD_TIMESTAMP, field);
        }
        String text = n.asText().strip();
        try {
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime odt
                    ? odt.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw new Unmappable(Unmappable.BAD_TIMESTAMP, field);
            }
        }
    }

    /** A decimal from a JSON number or numeric text; never through double. */
    static BigDecimal decimal(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        if (absent(n)) {
            return null;
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isTextual()) {
            try {
                return new BigDecimal(n.asText().strip());
            } catch (NumberFormatException e) {
                throw new Unmappable(Unmappable.INVALID_REFERRAL, field);
            }
        }
        throw new Unmappable(Unmappable.INVALID_REFERRAL, field);
    }
}
