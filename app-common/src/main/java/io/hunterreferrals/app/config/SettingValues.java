package io.hunterreferrals.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parsers of single setting values (a boolean, a GUID, a tenant, a URL of a given kind, a number in a range, a path).
 * Each throws an {@link IllegalArgumentException} for a malformed value; {@link SettingReader} turns it into a problem.
 */
final class SettingValues {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TENANT_DOMAIN = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private SettingValues() {}

    static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    static String guid(String value) {
        if (!GUID.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    static String tenant(String value) {
        if (GUID.matcher(value).matches()) {
            return value.toLowerCase(Locale.ROOT);
        }
        if (TENANT_DOMAIN.matcher(value).matches()) {
            return value.toLowerCase(Locale.ROOT);
        }
        throw new IllegalArgumentException(value);
    }

    static URI httpsUrl(String value) {
        URI uri = httpUrl(value);
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(value);
        }
        return uri;
    }

    static URI loopbackHttpUrl(String value) {
        URI uri = httpUrl(value);
        try {
            if (!"http".equalsIgnoreCase(uri.getScheme()) || !HttpSettings.isLoopbackOnly(uri.getHost())) {
                throw new IllegalArgumentException(value);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(value, e);
        }
        return uri;
    }

    static URI httpUrl(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null
                    || !uri.getScheme().toLowerCase(Locale.ROOT).matches("https?")
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    static int inRange(int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(Integer.toString(value));
        }
        return value;
    }

    static int port(int value) {
        return inRange(value, 1, 65_535);
    }

    static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(value, e);
        }
    }
}
