package io.hunterreferrals.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which build is running: the Maven version and the git commit it was built from (with {@code -dirty} when the working
 * tree had changes), filled into a resource at build time. {@code hunter --version}, {@code /healthz} and the server's
 * start-up event all read it here, so an operator can tell which commit a deploy really runs.
 *
 * @param version the project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit the abbreviated commit id, or {@code unknown} (built without git)
 */
public record BuildInfo(String version, String commit) {

    private static final BuildInfo CURRENT = load();

    public static BuildInfo current() {
        return CURRENT;
    }

    /** {@code 0.1.0-SNAPSHOT (commit 1beacfa2c3d4)}. */
    public String describe() {
        return version + " (commit " + commit + ")";
    }

    private static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build-info.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource is an unknown build, not a failure
        }
        String commit = filtered(properties.getProperty("commit"));
        if (!commit.equals("unknown") && "true".equals(filtered(properties.getProperty("dirty")))) {
            commit += "-dirty";
        }
        return new BuildInfo(filtered(properties.getProperty("version")), commit);
    }

    /** A value Maven did not fill in (an IDE build, no git) is unknown, never the placeholder itself. */
    private static String filtered(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.strip();
    }
}
