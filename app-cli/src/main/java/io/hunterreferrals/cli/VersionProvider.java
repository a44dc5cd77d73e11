package io.hunterreferrals.cli;

import io.hunterreferrals.app.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code hunter --version}: the version and the git commit of the build, as {@code /healthz} reports them. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "hunter " + BuildInfo.current().describe() + " (Java "
                    + Runtime.version().feature() + ")"
        };
    }
}
