package io.hunterreferrals.http;

import io.javalin.http.Context;

/**
 * Refuses a request path with a {@code %} that does not start an escape ({@code /referrals/%u0041}). Jetty lets such a
 * path through, and Javalin's decoding of path parameters then throws, which would be a 500.
 */
final class PathEncoding {

    private PathEncoding() {}

    static void requireWellFormed(Context ctx) {
        String path = ctx.req().getRequestURI();
        if (path != null && !wellFormed(path)) {
            throw ApiError.badRequest(
                    "malformed_path",
                    "The request path has a '%' that is not followed by two hexadecimal digits; encode '%' as %25.");
        }
    }

    static boolean wellFormed(String rawPath) {
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            if (i + 2 >= rawPath.length() || !isHex(rawPath.charAt(i + 1)) || !isHex(rawPath.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
