package io.hunterreferrals.app.config;

import io.hunterreferrals.core.filter.ReferralFilter;
import io.hunterreferrals.core.redaction.Redaction;
import io.hunterreferrals.postgres.DatabaseSettings;
import io.hunterreferrals.postgres.DatabaseUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Turns {@link RawSettings} into typed {@link HunterSettings}; every malformed value becomes a {@link SettingProblem}. */
public final class SettingsParser {

    static final Duration DEVELOPMENT_SYNC_INTERVAL = Duration.ofSeconds(30);
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TENANT_DOMAIN = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final int MIN_SYNC_INTERVAL_SECONDS = 10;
    /** The database adapter's hints ("check ...") name the variables an operator sets. */
    private static final DatabaseSettings.SettingNames DATABASE_NAMES = new DatabaseSettings.SettingNames(
            Setting.DATABASE_URL.variable(), Setting.DATABASE_USER.variable(), Setting.DATABASE_PASSWORD.variable());

    private final RawSettings raw;
    private final List<SettingProblem> problems = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    private SettingsParser(RawSettings raw) {
        this.raw = raw;
    }

    /** Reads the environment and {@code .env} in {@code workingDir}, then parses. */
    public static ParsedSettings load(Map<String, String> environment, Path workingDir) {
        return parse(RawSettings.read(environment, workingDir));
    }

    public static ParsedSettings parse(RawSettings raw) {
        return new SettingsParser(raw).parse();
    }

    private ParsedSettings parse() {
        Environment environment = parsed(Setting.ENVIRONMENT, v -> Environment.valueOf(v.toUpperCase(Locale.ROOT)),
                "development or production", Environment.DEVELOPMENT);
        LogFormat logFormat = optional(Setting.LOG_FORMAT, v -> LogFormat.valueOf(v.toUpperCase(Locale.ROOT)), "console or json")
                .orElse(environment == Environment.PRODUCTION ? LogFormat.JSON : LogFormat.CONSOLE);
        PartnerCenterSettings partnerCenter = partnerCenter();
        Duration syncInterval = syncInterval(environment);
        ReferralFilter filter = filter();
        DatabaseSettings database = database();
        HttpSettings http = new HttpSettings(text(Setting.HTTP_HOST).orElse("127.0.0.1"),
                parsed(Setting.HTTP_PORT, v -> port(Integer.parseInt(v)), "a port number from 1 to 65535", 8000),
                list(Setting.API_KEY));
        if (raw.get(Setting.PARTNER_CENTER_CLIENT_SECRET).isSet()) {
            notices.add("HUNTER_PARTNER_CENTER_CLIENT_SECRET is set but not used: sign-in is a public client with a "
                    + "device code (hunter auth login). You can remove it.");
        }
        boolean allowEmbedded = parsed(Setting.DATABASE_ALLOW_EMBEDDED, SettingsParser::bool, "true or false", false);
        if (environment == Environment.PRODUCTION) {
            problems.addAll(ProductionRules.check(raw, database, http, allowEmbedded));
        }
        Optional<HunterSettings> settings = problems.isEmpty()
                ? Optional.of(new HunterSettings(environment, logFormat, partnerCenter, syncInterval, filter, database, http))
                : Optional.empty();
        return new ParsedSettings(raw, settings, problems, notices);
    }

    private PartnerCenterSettings partnerCenter() {
        boolean enabled = parsed(Setting.PARTNER_CENTER_ENABLED, SettingsParser::bool, "true or false", false);
        Optional<String> clientId = optional(Setting.PARTNER_CENTER_CLIENT_ID, v -> guid(v), "a GUID such as 1475ed28-175a-45f1-a299-e811147ad068");
        Optional<String> tenantId = optional(Setting.PARTNER_CENTER_TENANT_ID, SettingsParser::tenant,
                "a GUID such as aa72d1fe-d762-49f7-b721-c7611d0a6934, or the tenant's domain such as contoso.onmicrosoft.com");
        Optional<URI> explicitAuthority = optional(Setting.PARTNER_CENTER_AUTHORITY, v -> httpsUrl(v), "an https URL such as https://login.microsoftonline.com/<tenant>");
        Optional<URI> simulatorUrl = optional(Setting.PARTNER_CENTER_SIMULATOR_URL, SettingsParser::loopbackHttpUrl,
                "an http URL on a loopback address such as http://127.0.0.1:8081");
        Optional<URI> authority = simulatorUrl.isPresent() ? tenantId.map(SimulatorRouting::authority)
                : explicitAuthority.isPresent() ? explicitAuthority
                : tenantId.map(t -> URI.create("https://login.microsoftonline.com/" + t));
        URI apiUrl = parsed(Setting.PARTNER_CENTER_API_URL, SettingsParser::httpUrl, "an http(s) URL such as https://api.partner.microsoft.com",
                URI.create("https://api.partner.microsoft.com"));
        if (simulatorUrl.isPresent()) {
            apiUrl = simulatorUrl.get();
            notices.add("HUNTER_PARTNER_CENTER_SIMULATOR_URL is set: sign-in and referrals come from the simulator at "
                    + simulatorUrl.get() + ", not from Microsoft (SIMULATED data).");
        }
        String apiVersion = text(Setting.PARTNER_CENTER_API_VERSION).orElse("v1.0");
        String scope = text(Setting.PARTNER_CENTER_SCOPE).orElse("https://api.partner.microsoft.com/.default");
        Path tokenCache = workingDir().resolve(
                parsed(Setting.PARTNER_CENTER_TOKEN_CACHE_PATH, SettingsParser::path, "a file path", Path.of(".token_cache")));
        int pageSize = parsed(Setting.PARTNER_CENTER_PAGE_SIZE, v -> inRange(Integer.parseInt(v), 1, 100), "a whole number from 1 to 100", 100);
        int maxPages = parsed(Setting.PARTNER_CENTER_MAX_PAGES, v -> inRange(Integer.parseInt(v), 1, 1_000_000), "a whole number of 1 or more", 10_000);
        Duration requestTimeout = Duration.ofSeconds(parsed(Setting.PARTNER_CENTER_REQUEST_TIMEOUT,
                v -> inRange(Integer.parseInt(v), 1, 600), "a whole number of seconds from 1 to 600",
                (int) PartnerCenterSettings.DEFAULT_REQUEST_TIMEOUT.toSeconds()));
        return new PartnerCenterSettings(enabled, clientId, tenantId, authority, apiUrl, apiVersion, scope, tokenCache,
                pageSize, maxPages, requestTimeout, simulatorUrl);
    }

    private Duration syncInterval(Environment environment) {
        Optional<Integer> seconds = raw.get(Setting.PARTNER_CENTER_SYNC_INTERVAL).source() == SettingSource.DEFAULT
                ? Optional.empty()
                : optional(Setting.PARTNER_CENTER_SYNC_INTERVAL, v -> inRange(Integer.parseInt(v), MIN_SYNC_INTERVAL_SECONDS, 86_400),
                        "a whole number of seconds from " + MIN_SYNC_INTERVAL_SECONDS + " to 86400, e.g. 600");
        return seconds.map(Duration::ofSeconds)
                .orElse(environment == Environment.DEVELOPMENT ? DEVELOPMENT_SYNC_INTERVAL : Duration.ofSeconds(600));
    }

    private ReferralFilter filter() {
        try {
            return new ReferralFilter(list(Setting.REFERRAL_DIRECTIONS), list(Setting.REFERRAL_STATUSES),
                    list(Setting.REFERRAL_EXCLUDED_SUBSTATUSES));
        } catch (IllegalArgumentException e) {
            problems.add(new SettingProblem(null, e.getMessage(), "Use plain values such as Incoming or Active, separated by commas"));
            return ReferralFilter.DEFAULT;
        }
    }

    private DatabaseSettings database() {
        Path embeddedDir = workingDir().resolve(parsed(Setting.DATABASE_EMBEDDED_DIR, SettingsParser::path,
                "a folder path, absolute or relative to the working directory",
                Path.of(Setting.DATABASE_EMBEDDED_DIR.defaultValue())));
        boolean migrate = parsed(Setting.DATABASE_MIGRATE_ON_START, SettingsParser::bool, "true or false",
                bool(Setting.DATABASE_MIGRATE_ON_START.defaultValue()));
        DatabaseSettings database = DatabaseSettings.embedded(embeddedDir);
        Optional<String> url = text(Setting.DATABASE_URL);
        if (url.isPresent()) {
            try {
                database = DatabaseSettings.external(DatabaseUrl.parse(url.get()),
                        text(Setting.DATABASE_USER).orElse(null), raw.get(Setting.DATABASE_PASSWORD).value());
            } catch (IllegalArgumentException e) {
                // the message shows the URL redacted and names no setting: this is where the name is known
                problems.add(new SettingProblem(Setting.DATABASE_URL, e.getMessage(),
                        "Correct it, or unset it to use the embedded database"));
            }
        }
        return database.withMigrateOnStart(migrate).withSettingNames(DATABASE_NAMES);
    }

    /** Relative paths in settings are relative to the directory holding {@code .env}: the working directory. */
    private Path workingDir() {
        return raw.dotenvFile().toAbsolutePath().getParent();
    }

    private <T> T parsed(Setting setting, Function<String, T> parser, String expected, T fallback) {
        return optional(setting, parser, expected).orElse(fallback);
    }

    private <T> Optional<T> optional(Setting setting, Function<String, T> parser, String expected) {
        Optional<String> value = text(setting);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value.get()));
        } catch (RuntimeException e) {
            String shown = setting.isSecret() ? "its value"
                    : "'" + (setting.isUrl() ? Redaction.url(value.get()) : value.get()) + "'";
            problems.add(new SettingProblem(setting, shown + " is not " + expected, "Set it to " + expected));
            return Optional.empty();
        }
    }

    private Optional<String> text(Setting setting) {
        SettingValue value = raw.get(setting);
        return value.isSet() ? Optional.of(value.value().strip()) : Optional.empty();
    }

    private List<String> list(Setting setting) {
        return text(setting).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static String guid(String value) {
        if (!GUID.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static String tenant(String value) {
        if (GUID.matcher(value).matches()) {
            return value.toLowerCase(Locale.ROOT);
        }
        if (TENANT_DOMAIN.matcher(value).matches()) {
            return value.toLowerCase(Locale.ROOT);
        }
        throw new IllegalArgumentException(value);
    }

    private static URI httpsUrl(String value) {
        URI uri = httpUrl(value);
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(value);
        }
        return uri;
    }

    private static URI loopbackHttpUrl(String value) {
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

    private static URI httpUrl(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException(value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    private static int inRange(int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(Integer.toString(value));
        }
        return value;
    }

    private static int port(int value) {
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
