package io.hunterreferrals.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code hunter --version}: the Maven project version, filtered into a resource at build time. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/hunter-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"hunter " + properties.getProperty("version", "unknown") + " (Java "
                + Runtime.version().feature() + ")"};
    }
}
