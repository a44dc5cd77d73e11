package io.hunterreferrals.cli;

import com.microsoft.aad.msal4j.IHttpClient;
import io.hunterreferrals.partnercenter.LoopbackRoutingHttpClient;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs {@code hunter} in-process through picocli, as the real program does, with a given environment, working directory
 * and MSAL transport; captures stdout, stderr and the log stream separately.
 */
final class Cli {

    final Map<String, String> environment = new HashMap<>();
    final Path workingDir;
    private Optional<IHttpClient> msalTransport = Optional.empty();
    private ProcessLauncher processes = ProcessLauncher.INHERIT_IO;
    /** Everything logged by every run of this Cli, for "never in the logs" checks. */
    final StringBuilder allLogs = new StringBuilder();

    Cli(Path workingDir) {
        this.workingDir = workingDir;
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HUNTER_LOG_FORMAT", "json");
    }

    /** Settings for a signed-in sync against {@code sim} and {@code pg}, with a client id and authority of its own. */
    static Cli against(PartnerCenterSimulator sim, TestPostgres pg, Path workingDir) {
        Cli cli = new Cli(workingDir);
        String tenant = sim.identity().tenantId();
        // MSAL keeps some failures per client and authority JVM-wide: every Cli gets its own.
        URI authority = URI.create(
                "https://login-" + UUID.randomUUID().toString().substring(0, 8) + ".simulator.test/" + tenant);
        cli.environment.putAll(Map.of(
                "HUNTER_PARTNER_CENTER_ENABLED", "true",
                "HUNTER_PARTNER_CENTER_CLIENT_ID", UUID.randomUUID().toString(),
                "HUNTER_PARTNER_CENTER_TENANT_ID", tenant,
                "HUNTER_PARTNER_CENTER_AUTHORITY", authority.toString(),
                "HUNTER_PARTNER_CENTER_API_URL", sim.baseUrl()));
        cli.database(pg);
        cli.msalTransport = Optional.of(LoopbackRoutingHttpClient.forAuthority(authority, sim.baseUri()));
        return cli;
    }

    /** Points at the test database (as an external one). */
    Cli database(TestPostgres pg) {
        environment.put("HUNTER_DATABASE_URL", pg.jdbcUrl());
        environment.put("HUNTER_DATABASE_USER", pg.user());
        if (pg.password() != null) {
            environment.put("HUNTER_DATABASE_PASSWORD", pg.password());
        }
        return this;
    }

    Cli with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    Cli without(String variable) {
        environment.remove(variable);
        return this;
    }

    Cli processes(ProcessLauncher launcher) {
        this.processes = launcher;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        CliContext context = new CliContext(
                environment,
                workingDir,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                false,
                logs,
                msalTransport,
                processes);
        int exitCode = HunterCommand.commandLine(context).execute(args);
        String logText = logs.toString(StandardCharsets.UTF_8);
        allLogs.append(logText);
        return new Result(exitCode, out.toString(), err.toString(), logText);
    }

    record Result(int exitCode, String out, String err, String logs) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err + "--- logs\n" + logs;
        }
    }
}
