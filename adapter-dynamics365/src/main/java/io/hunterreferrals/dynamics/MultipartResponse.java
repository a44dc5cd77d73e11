package io.hunterreferrals.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code $batch} response (dataverse.md §5): parts separated by {@code --<boundary>} lines, each an
 * {@code application/http} response (status line, headers, blank line, body) with its Content-ID when the request part
 * had one. A change set's answer is a nested multipart part; its members are flattened in order. Lenient where leniency
 * cannot mislead: bare LF is read like CRLF, and header names in any case.
 */
final class MultipartResponse {

    /** One operation's answer, and the Content-ID it echoed, if any. */
    record Part(Optional<String> contentId, WebApiResponse response) {}

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/\\d(?:\\.\\d)?\\s+(\\d{3})(?:\\s.*)?$");

    private MultipartResponse() {}

    /** The boundary of a {@code multipart/mixed} content type, or empty for any other. */
    static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            return Optional.empty();
        }
        Matcher m = BOUNDARY.matcher(contentType);
        return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
    }

    /** @throws IllegalArgumentException when the body is not a multipart document of this boundary */
    static List<Part> parse(String body, String boundary) {
        List<Part> parts = new ArrayList<>();
        for (String raw : split(body.replace("\r\n", "\n"), boundary)) {
            int blank = raw.indexOf("\n\n");
            Map<String, String> headers = headers(blank < 0 ? raw : raw.substring(0, blank));
            String content = blank < 0 ? "" : raw.substring(blank + 2);
            String type = headers.getOrDefault("Content-Type", "").toLowerCase(Locale.ROOT);
            Optional<String> nested = boundary(type.isEmpty() ? null : headers.get("Content-Type"));
            if (nested.isPresent()) {
                parts.addAll(parse(content, nested.get()));
            } else if (type.startsWith("application/http")) {
                parts.add(
                        new Part(Optional.ofNullable(headers.get("Content-ID")).map(String::strip), response(content)));
            } else {
                throw new IllegalArgumentException("a batch response part is '" + type + "', not application/http");
            }
        }
        return parts;
    }

    /** The text between each {@code --boundary} line and the next, up to the closing {@code --boundary--}. */
    private static List<String> split(String body, String boundary) {
        String delimiter = "--" + boundary;
        List<String> parts = new ArrayList<>();
        int start = body.startsWith(delimiter) ? 0 : body.indexOf("\n" + delimiter);
        if (start < 0) {
            throw new IllegalArgumentException("no '" + delimiter + "' line in the batch response");
        }
        int pos = start == 0 ? 0 : start + 1;
        while (true) {
            pos += delimiter.length();
            if (body.startsWith("--", pos)) {
                return parts;
            }
            int lineEnd = body.indexOf('\n', pos);
            int next = lineEnd < 0 ? -1 : body.indexOf("\n" + delimiter, lineEnd);
            if (next < 0) {
                throw new IllegalArgumentException("the batch response has no closing '" + delimiter + "--'");
            }
            parts.add(body.substring(lineEnd + 1, next));
            pos = next + 1;
        }
    }

    /** Status line, headers, a blank line, the body: one operation's HTTP response. */
    private static WebApiResponse response(String http) {
        String content = http.stripLeading();
        int eol = content.indexOf('\n');
        Matcher status = STATUS_LINE.matcher((eol < 0 ? content : content.substring(0, eol)).strip());
        if (!status.matches()) {
            throw new IllegalArgumentException("a batch response part has no HTTP status line");
        }
        String rest = eol < 0 ? "" : content.substring(eol + 1);
        int blank = rest.startsWith("\n") ? 0 : rest.indexOf("\n\n");
        Map<String, String> headers = headers(blank < 0 ? rest : rest.substring(0, blank));
        String body = blank < 0 ? "" : rest.substring(blank + (blank == 0 ? 1 : 2));
        return new WebApiResponse(Integer.parseInt(status.group(1)), headers, body.strip());
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : block.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }
        return headers;
    }
}
