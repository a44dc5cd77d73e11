package io.hunterreferrals.dynamics;

import java.nio.charset.StandardCharsets;

/**
 * Puts a value from Partner Center into a URL as data only. In a path segment: an OData string literal with {@code '}
 * doubled, then every byte outside RFC 3986's unreserved set percent-encoded, so {@code /}, {@code ?}, {@code #},
 * {@code %}, spaces and quotes can neither end the segment nor the literal (dataverse.md §2 warns that such key values
 * "break GET/PATCH" when sent raw). In a query, the same, for a {@code $filter} value.
 */
final class ODataLiterals {

    private ODataLiterals() {}

    /** {@code leads(<keyColumn>='<value>')}, relative to the service root. */
    static String leadByKey(String keyColumn, String value) {
        return LeadColumns.ENTITY_SET + "(" + keyColumn + "='" + percentEncode(value.replace("'", "''")) + "')";
    }

    /** {@code '<value>'} for a {@code $filter}, percent-encoded for the query string. */
    static String filterString(String value) {
        return "%27" + percentEncode(value.replace("'", "''")) + "%27";
    }

    /** Every byte of the UTF-8 form but {@code A-Z a-z 0-9 - . _ ~} becomes {@code %XX}. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder(value.length() * 3);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
