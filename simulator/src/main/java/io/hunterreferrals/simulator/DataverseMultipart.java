package io.hunterreferrals.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * multipart/mixed as OData 4.0 $batch uses it (execute-batch-operations-using-web-api.md): CRLF line ends, a part's
 * headers, a blank line, its body; an application/http body holds one request or response. Strict on purpose: framing
 * with bare LF is refused, so a client that would only work against a lenient server fails here first.
 */
final class DataverseMultipart {

    /** One part: header names lower-cased. */
    record Part(Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /** The request inside an application/http part. */
    record HttpRequestPart(String method, String url, Map<String, String> headers, String body) {}

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|([^;\\s]+))");
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"),
            Map.entry(201, "Created"),
            Map.entry(204, "No Content"),
            Map.entry(304, "Not Modified"),
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(412, "Precondition Failed"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    private DataverseMultipart() {}

    /** The boundary parameter of a multipart/mixed content type; refuses anything else. */
    static String boundary(String contentType) {
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            throw new IllegalArgumentException("a batch must be multipart/mixed, was '" + contentType + "'");
        }
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw new IllegalArgumentException("the multipart/mixed content type has no boundary");
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    static List<Part> parse(String body, String boundary) {
        String delimiter = "--" + boundary;
        int pos = body.startsWith(delimiter) ? 0 : body.indexOf("\r\n" + delimiter);
        if (pos < 0) {
            throw new IllegalArgumentException(
                    body.contains("\n" + delimiter)
                            ? "multipart framing must use CRLF line ends, not bare LF"
                            : "the body has no '" + delimiter + "' delimiter");
        }
        pos = pos == 0 ? 0 : pos + 2;
        List<Part> parts = new ArrayList<>();
        while (true) {
            pos += delimiter.length();
            if (body.startsWith("--", pos)) {
                return parts;
            }
            while (pos < body.length() && (body.charAt(pos) == ' ' || body.charAt(pos) == '\t')) {
                pos++;
            }
            if (!body.startsWith("\r\n", pos)) {
                throw new IllegalArgumentException("a delimiter line must end with CRLF");
            }
            pos += 2;
            int next = body.indexOf("\r\n" + delimiter, pos);
            if (next < 0) {
                throw new IllegalArgumentException("the multipart body has no closing '" + delimiter + "--'");
            }
            parts.add(part(body.substring(pos, next)));
            pos = next + 2;
        }
    }

    /** Headers up to the first blank line, then the body. */
    static Part part(String content) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (content.startsWith("\r\n")) {
            return new Part(headers, content.substring(2));
        }
        int end = content.indexOf("\r\n\r\n");
        String head = end < 0 ? content : content.substring(0, end);
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not a header line: '" + line + "'");
            }
            headers.put(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim());
        }
        return new Part(headers, end < 0 ? "" : content.substring(end + 4));
    }

    /** {@code PATCH /api/data/v9.2/leads(...) HTTP/1.1}, its headers, a blank line and the body. */
    static HttpRequestPart request(String body) {
        int eol = body.indexOf("\r\n");
        String line = eol < 0 ? body : body.substring(0, eol);
        String[] words = line.trim().split(" ");
        if (words.length != 3 || !words[2].startsWith("HTTP/")) {
            throw new IllegalArgumentException("not an HTTP request line: '" + line + "'");
        }
        Part rest = eol < 0 ? new Part(Map.of(), "") : part(body.substring(eol + 2));
        return new HttpRequestPart(
                words[0].toUpperCase(Locale.ROOT),
                words[1],
                rest.headers(),
                rest.body().strip());
    }

    /** The application/http part for one response, with its Content-ID when the request had one. */
    static void writeResponse(StringBuilder out, String boundary, Reply reply, String contentId) {
        out.append("--").append(boundary).append("\r\n");
        out.append("Content-Type: application/http\r\n");
        out.append("Content-Transfer-Encoding: binary\r\n");
        if (contentId != null && !contentId.isEmpty()) {
            out.append("Content-ID: ").append(contentId).append("\r\n");
        }
        out.append("\r\n");
        out.append("HTTP/1.1 ")
                .append(reply.status())
                .append(' ')
                .append(REASONS.getOrDefault(reply.status(), "Status"))
                .append("\r\n");
        new TreeMap<>(reply.headers())
                .forEach((k, v) -> out.append(k).append(": ").append(v).append("\r\n"));
        out.append("\r\n");
        out.append(new String(reply.body(), StandardCharsets.UTF_8)).append("\r\n");
    }
}
