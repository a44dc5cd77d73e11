package io.hunterreferrals.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The running build's version, from a resource Maven fills in (works from the IDE, a jar and the fat jar alike). */
final class Version {

    private Version() {
    }

    static String current() {
        try (InputStream in = Version.class.getResourceAsStream("hunter-server.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
