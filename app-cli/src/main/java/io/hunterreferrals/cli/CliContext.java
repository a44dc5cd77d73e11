package io.hunterreferrals.cli;

import ch.qos.logback.classic.Level;
import com.microsoft.aad.msal4j.IHttpClient;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.config.InvalidConfigurationException;
import io.hunterreferrals.app.config.LogFormat;
import io.hunterreferrals.app.config.ParsedSettings;
import io.hunterreferrals.app.config.PartnerCenterSettings;
import io.hunterreferrals.app.config.Setting;
import io.hunterreferrals.app.config.SettingProblem;
import io.hunterreferrals.app.config.SettingsParser;
import io.hunterreferrals.app.logging.LogSetup;
import io.hunterreferrals.app.wiring.PartnerCenterWiring;
import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.core.sync.SyncErrorCode;
import io.hunterreferrals.partnercenter.AuthException;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import io.hunterreferrals.postgres.Database;
import io.hunterreferrals.postgres.DatabaseSettings;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a command needs from the outside world, passed in rather than read from globals, so tests run the real
 * commands with their own environment, working directory and streams.
 *
 * @param environment the process environment (HUNTER_* variables, PATH)
 * @param workingDir where {@code .env}, the token cache and the embedded database live by default
 * @param out command output (tables, JSON, the sync summary)
 * @param err messages for the operator: errors, the progress bar, the device-code prompt
 * @param terminal whether a person is watching: draws the progress bar
 * @param logStream where log events go (stderr in the real program)
 * @param msalTransport empty in production; tests route MSAL to a simulator
 * @param processes starts psql
 */
record CliContext(
        Map<String, String> environment,
        Path workingDir,
        PrintWriter out,
        PrintWriter err,
        boolean terminal,
        OutputStream logStream,
        Optional<IHttpClient> msalTransport,
        ProcessLauncher processes) {

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.cli");

    CliContext {
        environment = Map.copyOf(environment);
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    /** The environment, {@code .env} and defaults, parsed; problems are kept for {@code config check} to show. */
    ParsedSettings parsedSettings() {
        try {
            return SettingsParser.load(environment, workingDir);
        } catch (InvalidConfigurationException e) {
            throw configInvalid(e.problems());
        }
    }

    /** The settings, or exit code {@link ExitCode#CONFIG_INVALID} naming every variable to fix. */
    HunterSettings settings() {
        ParsedSettings parsed = parsedSettings();
        return parsed.settings().orElseThrow(() -> configInvalid(parsed.problems()));
    }

    /** Console lines unless JSON is asked for (or production); always to {@link #logStream}, never to stdout. */
    void configureLogging() {
        LogSetup.configure(logFormat(), logStream, Level.INFO);
    }

    private LogFormat logFormat() {
        try {
            ParsedSettings parsed = SettingsParser.load(environment, workingDir);
            if (parsed.settings().isPresent()) {
                return parsed.settings().get().logFormat();
            }
            String raw = parsed.raw().get(Setting.LOG_FORMAT).value();
            return raw != null && raw.strip().toLowerCase(Locale.ROOT).equals("json")
                    ? LogFormat.JSON
                    : LogFormat.CONSOLE;
        } catch (RuntimeException e) {
            return LogFormat.CONSOLE; // the command itself reports the broken configuration
        }
    }

    /** Opens the product's database; exit code {@link ExitCode#DATABASE_ERROR} with the reason when it cannot. */
    Storage openStorage(DatabaseSettings settings) {
        try {
            return Storage.open(settings);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw databaseError(settings, e);
        }
    }

    /** The database alone, for the {@code db} commands; never migrates by itself. */
    Database openDatabase(DatabaseSettings settings) {
        try {
            return Database.open(settings.withMigrateOnStart(false));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw databaseError(settings, e);
        }
    }

    /**
     * The database could not be opened. The hint fits the database in use: the embedded server's message already says
     * where its log is and how to use an external one instead.
     */
    static CliException databaseError(DatabaseSettings settings, RuntimeException e) {
        String hint = settings.isEmbedded()
                ? ""
                : "\nCheck the server and the credentials, or unset " + Setting.DATABASE_URL.variable()
                        + " to use the embedded database.";
        return new CliException(
                ExitCode.DATABASE_ERROR, SyncErrorCode.DATABASE_UNAVAILABLE.code(), e.getMessage() + hint, e);
    }

    /** The sign-in for these settings; exit code {@link ExitCode#CONFIG_INVALID} when client or tenant is missing. */
    PartnerCenterAuth auth(PartnerCenterSettings settings) {
        if (!settings.canSignIn()) {
            List<SettingProblem> missing = settings.readinessProblems().stream()
                    .filter(p -> p.setting() != Setting.PARTNER_CENTER_ENABLED)
                    .toList();
            LOG.atWarn()
                    .setMessage("partner_center_config_missing")
                    .addKeyValue("source", "partner_center")
                    .addKeyValue(
                            "missing",
                            missing.stream().map(p -> p.setting().variable()).collect(Collectors.joining(",")))
                    .log();
            throw configInvalid(missing);
        }
        try {
            return PartnerCenterWiring.auth(settings, msalTransport);
        } catch (AuthException | IllegalArgumentException e) {
            throw new CliException(ExitCode.CONFIG_INVALID, "auth_configuration_invalid", e.getMessage(), e);
        }
    }

    static CliException configInvalid(List<SettingProblem> problems) {
        String lines = problems.stream().map(p -> "  - " + p.describe()).collect(Collectors.joining("\n"));
        return new CliException(
                ExitCode.CONFIG_INVALID,
                "configuration_invalid",
                "The configuration is not usable:\n" + lines
                        + "\nRun `hunter config check` to see every setting and where it came from.");
    }
}
