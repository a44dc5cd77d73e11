package io.hunterreferrals.app.config;

import io.hunterreferrals.core.push.PushFilter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code HUNTER_DYNAMICS_*} into {@link DynamicsSettings}; malformed values become problems of the reader. */
final class DynamicsSettingsParser {

    /** Dataverse publisher prefixes: 2 to 8 letters or digits, starting with a letter, not "mscrm" (reserved). */
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{1,7}");

    private DynamicsSettingsParser() {}

    static DynamicsSettings parse(SettingReader read) {
        boolean enabled = read.parsed(Setting.DYNAMICS_ENABLED, SettingValues::bool, "true or false", false);
        Optional<URI> simulatorUrl = read.optional(
                Setting.DYNAMICS_SIMULATOR_URL,
                SettingValues::loopbackHttpUrl,
                "an http URL on a loopback address such as http://127.0.0.1:8082");
        Optional<URI> url = read.optional(
                Setting.DYNAMICS_URL,
                DynamicsSettingsParser::environmentUrl,
                "the environment's https URL without a path, such as https://contoso.crm4.dynamics.com");
        Optional<String> tenant = read.optional(
                Setting.DYNAMICS_TENANT_ID,
                SettingValues::tenant,
                "a GUID such as aa72d1fe-d762-49f7-b721-c7611d0a6934, or the tenant's domain such as "
                        + "contoso.onmicrosoft.com");
        Optional<String> clientId = read.optional(
                Setting.DYNAMICS_CLIENT_ID, SettingValues::guid, "a GUID such as 1475ed28-175a-45f1-a299-e811147ad068");
        Optional<String> secret = read.secret(Setting.DYNAMICS_CLIENT_SECRET);
        Optional<Path> certificate = read.optional(
                        Setting.DYNAMICS_CERTIFICATE_PATH, SettingValues::path, "a file path")
                .map(p -> read.workingDir().resolve(p));
        if (secret.isPresent() && certificate.isPresent()) {
            read.problem(new SettingProblem(
                    Setting.DYNAMICS_CERTIFICATE_PATH,
                    "is set together with " + Setting.DYNAMICS_CLIENT_SECRET.variable(),
                    "Keep one way to sign in: unset one of them"));
        }
        String prefix = read.parsed(
                Setting.DYNAMICS_COLUMN_PREFIX,
                DynamicsSettingsParser::prefix,
                "2 to 8 lower-case letters or digits starting with a letter (your publisher's prefix), e.g. hnt",
                Setting.DYNAMICS_COLUMN_PREFIX.defaultValue());
        int batchSize = read.parsed(
                Setting.DYNAMICS_BATCH_SIZE,
                v -> SettingValues.inRange(Integer.parseInt(v), 1, 1000),
                "a whole number from 1 to 1000",
                Integer.parseInt(Setting.DYNAMICS_BATCH_SIZE.defaultValue()));
        int maxAttempts = read.parsed(
                Setting.DYNAMICS_MAX_ATTEMPTS,
                v -> SettingValues.inRange(Integer.parseInt(v), 1, 100),
                "a whole number from 1 to 100",
                Integer.parseInt(Setting.DYNAMICS_MAX_ATTEMPTS.defaultValue()));
        Duration timeout = Duration.ofSeconds(read.parsed(
                Setting.DYNAMICS_REQUEST_TIMEOUT,
                v -> SettingValues.inRange(Integer.parseInt(v), 1, 600),
                "a whole number of seconds from 1 to 600",
                Integer.parseInt(Setting.DYNAMICS_REQUEST_TIMEOUT.defaultValue())));
        boolean writeBack = read.parsed(Setting.DYNAMICS_WRITE_BACK, SettingValues::bool, "true or false", false);
        PushFilter filter = new PushFilter(
                read.referralTypes(Setting.DYNAMICS_PUSH_TYPES, read.list(Setting.DYNAMICS_PUSH_TYPES)),
                Set.copyOf(read.list(Setting.DYNAMICS_PUSH_STATUSES)));
        if (simulatorUrl.isPresent()) {
            read.notice(Setting.DYNAMICS_SIMULATOR_URL.variable() + " is set: the push goes to the Dataverse "
                    + "simulator at " + simulatorUrl.get() + ", not to Dynamics 365 (SIMULATED leads).");
        }
        return new DynamicsSettings(
                enabled,
                url,
                tenant,
                clientId,
                secret,
                certificate,
                read.secret(Setting.DYNAMICS_CERTIFICATE_PASSWORD),
                prefix,
                batchSize,
                maxAttempts,
                filter,
                timeout,
                writeBack,
                simulatorUrl);
    }

    private static URI environmentUrl(String value) {
        URI uri = SettingValues.httpsUrl(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        if ((uri.getPath() != null && !uri.getPath().isEmpty())
                || uri.getQuery() != null
                || uri.getUserInfo() != null) {
            throw new IllegalArgumentException(value);
        }
        return uri;
    }

    private static String prefix(String value) {
        String prefix = value.toLowerCase(java.util.Locale.ROOT);
        if (!PREFIX.matcher(prefix).matches() || prefix.startsWith("mscrm")) {
            throw new IllegalArgumentException(value);
        }
        return prefix;
    }
}
