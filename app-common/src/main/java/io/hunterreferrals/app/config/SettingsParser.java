package io.hunterreferrals.app.config;

import io.hunterreferrals.core.filter.ReferralFilter;
import io.hunterreferrals.postgres.DatabaseSettings;
import io.hunterreferrals.postgres.DatabaseUrl;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@link RawSettings} into typed {@link HunterSettings}; every malformed value becomes a {@link SettingProblem}.
 */
public final class SettingsParser {

    static final Duration DEVELOPMENT_SYNC_INTERVAL = Duration.ofSeconds(30);
    private static final int MIN_SYNC_INTERVAL_SECONDS = 10;
    /** The database adapter's hints ("check ...") name the variables an operator sets. */
    private static final DatabaseSettings.SettingNames DATABASE_NAMES = new DatabaseSettings.SettingNames(
            Setting.DATABASE_URL.variable(), Setting.DATABASE_USER.variable(), Setting.DATABASE_PASSWORD.variable());

    private final RawSettings raw;
    private final SettingReader read;

    private SettingsParser(RawSettings raw) {
        this.raw = raw;
        this.read = new SettingReader(raw);
    }

    /** Reads the environment and {@code .env} in {@code workingDir}, then parses. */
    public static ParsedSettings load(Map<String, String> environment, Path workingDir) {
        return parse(RawSettings.read(environment, workingDir));
    }

    public static ParsedSettings parse(RawSettings raw) {
        return new SettingsParser(raw).parse();
    }

    private ParsedSettings parse() {
        Environment environment = read.parsed(
                Setting.ENVIRONMENT,
                v -> Environment.valueOf(v.toUpperCase(Locale.ROOT)),
                "development or production",
                Environment.DEVELOPMENT);
        LogFormat logFormat = read.optional(
                        Setting.LOG_FORMAT, v -> LogFormat.valueOf(v.toUpperCase(Locale.ROOT)), "console or json")
                .orElse(environment == Environment.PRODUCTION ? LogFormat.JSON : LogFormat.CONSOLE);
        PartnerCenterSettings partnerCenter = partnerCenter();
        Duration syncInterval = syncInterval(environment);
        ReferralFilter filter = filter();
        DatabaseSettings database = database();
        HttpSettings http = new HttpSettings(
                read.text(Setting.HTTP_HOST).orElse("127.0.0.1"),
                read.parsed(
                        Setting.HTTP_PORT,
                        v -> SettingValues.port(Integer.parseInt(v)),
                        "a port number from 1 to 65535",
                        8000),
                read.list(Setting.API_KEY));
        if (raw.get(Setting.PARTNER_CENTER_CLIENT_SECRET).isSet()) {
            read.notice("HUNTER_PARTNER_CENTER_CLIENT_SECRET is set but not used: sign-in is a public client with a "
                    + "device code (hunter auth login). You can remove it.");
        }
        DynamicsSettings dynamics = DynamicsSettingsParser.parse(read);
        NotifySettings notify = NotifySettingsParser.parse(read);
        WebhookSettings webhooks = webhooks(notify, environment);
        boolean allowEmbedded =
                read.parsed(Setting.DATABASE_ALLOW_EMBEDDED, SettingValues::bool, "true or false", false);
        if (environment == Environment.PRODUCTION) {
            ProductionRules.check(raw, database, http, allowEmbedded).forEach(read::problem);
        }
        Optional<HunterSettings> settings = read.problems().isEmpty()
                ? Optional.of(new HunterSettings(
                        environment,
                        logFormat,
                        partnerCenter,
                        syncInterval,
                        filter,
                        database,
                        http,
                        dynamics,
                        notify,
                        webhooks))
                : Optional.empty();
        return new ParsedSettings(raw, settings, read.problems(), read.notices());
    }

    /** Partner Center must be able to call the endpoint, so webhooks need the public URL (https in production). */
    private WebhookSettings webhooks(NotifySettings notify, Environment environment) {
        boolean enabled =
                read.parsed(Setting.PARTNER_CENTER_WEBHOOKS_ENABLED, SettingValues::bool, "true or false", false);
        Optional<URI> url = notify.publicUrl().map(WebhookSettings::endpoint);
        if (enabled && url.isEmpty()) {
            read.problem(new SettingProblem(
                    Setting.PUBLIC_URL,
                    "is missing, and Partner Center needs it to call the webhook endpoint",
                    "Set HUNTER_PUBLIC_URL to the server's public https address, e.g. https://hunter.example.com, or "
                            + "set HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED=false"));
        }
        if (enabled
                && environment == Environment.PRODUCTION
                && url.isPresent()
                && !"https".equalsIgnoreCase(url.get().getScheme())) {
            read.problem(new SettingProblem(
                    Setting.PUBLIC_URL,
                    "is not https, and Partner Center calls only a public https endpoint",
                    "Put the server behind TLS and set HUNTER_PUBLIC_URL=https://..."));
        }
        return new WebhookSettings(enabled, url);
    }

    private PartnerCenterSettings partnerCenter() {
        boolean enabled = read.parsed(Setting.PARTNER_CENTER_ENABLED, SettingValues::bool, "true or false", false);
        Optional<String> clientId = read.optional(
                Setting.PARTNER_CENTER_CLIENT_ID,
                v -> SettingValues.guid(v),
                "a GUID such as 1475ed28-175a-45f1-a299-e811147ad068");
        Optional<String> tenantId = read.optional(
                Setting.PARTNER_CENTER_TENANT_ID,
                SettingValues::tenant,
                "a GUID such as aa72d1fe-d762-49f7-b721-c7611d0a6934, or the tenant's domain such as "
                        + "contoso.onmicrosoft.com");
        Optional<URI> explicitAuthority = read.optional(
                Setting.PARTNER_CENTER_AUTHORITY,
                v -> SettingValues.httpsUrl(v),
                "an https URL such as https://login.microsoftonline.com/<tenant>");
        Optional<URI> simulatorUrl = read.optional(
                Setting.PARTNER_CENTER_SIMULATOR_URL,
                SettingValues::loopbackHttpUrl,
                "an http URL on a loopback address such as http://127.0.0.1:8081");
        Optional<URI> authority = simulatorUrl.isPresent()
                ? tenantId.map(SimulatorRouting::authority)
                : explicitAuthority.isPresent()
                        ? explicitAuthority
                        : tenantId.map(t -> URI.create("https://login.microsoftonline.com/" + t));
        URI apiUrl = read.parsed(
                Setting.PARTNER_CENTER_API_URL,
                SettingValues::httpUrl,
                "an http(s) URL such as https://api.partner.microsoft.com",
                URI.create("https://api.partner.microsoft.com"));
        if (simulatorUrl.isPresent()) {
            apiUrl = simulatorUrl.get();
            read.notice("HUNTER_PARTNER_CENTER_SIMULATOR_URL is set: sign-in and referrals come from the simulator at "
                    + simulatorUrl.get() + ", not from Microsoft (SIMULATED data).");
        }
        String apiVersion = read.text(Setting.PARTNER_CENTER_API_VERSION).orElse("v1.0");
        String scope = read.text(Setting.PARTNER_CENTER_SCOPE).orElse("https://api.partner.microsoft.com/.default");
        Path tokenCache = read.workingDir()
                .resolve(read.parsed(
                        Setting.PARTNER_CENTER_TOKEN_CACHE_PATH,
                        SettingValues::path,
                        "a file path",
                        Path.of(".token_cache")));
        int pageSize = read.parsed(
                Setting.PARTNER_CENTER_PAGE_SIZE,
                v -> SettingValues.inRange(Integer.parseInt(v), 1, 100),
                "a whole number from 1 to 100",
                100);
        int maxPages = read.parsed(
                Setting.PARTNER_CENTER_MAX_PAGES,
                v -> SettingValues.inRange(Integer.parseInt(v), 1, 1_000_000),
                "a whole number of 1 or more",
                10_000);
        Duration requestTimeout = Duration.ofSeconds(read.parsed(
                Setting.PARTNER_CENTER_REQUEST_TIMEOUT,
                v -> SettingValues.inRange(Integer.parseInt(v), 1, 600),
                "a whole number of seconds from 1 to 600",
                (int) PartnerCenterSettings.DEFAULT_REQUEST_TIMEOUT.toSeconds()));
        return new PartnerCenterSettings(
                enabled,
                clientId,
                tenantId,
                authority,
                apiUrl,
                apiVersion,
                scope,
                tokenCache,
                pageSize,
                maxPages,
                requestTimeout,
                simulatorUrl);
    }

    private Duration syncInterval(Environment environment) {
        Optional<Integer> seconds =
                raw.get(Setting.PARTNER_CENTER_SYNC_INTERVAL).source() == SettingSource.DEFAULT
                        ? Optional.empty()
                        : read.optional(
                                Setting.PARTNER_CENTER_SYNC_INTERVAL,
                                v -> SettingValues.inRange(Integer.parseInt(v), MIN_SYNC_INTERVAL_SECONDS, 86_400),
                                "a whole number of seconds from " + MIN_SYNC_INTERVAL_SECONDS + " to 86400, e.g. 600");
        return seconds.map(Duration::ofSeconds)
                .orElse(environment == Environment.DEVELOPMENT ? DEVELOPMENT_SYNC_INTERVAL : Duration.ofSeconds(600));
    }

    private ReferralFilter filter() {
        try {
            return new ReferralFilter(
                    read.list(Setting.REFERRAL_DIRECTIONS),
                    read.list(Setting.REFERRAL_STATUSES),
                    read.list(Setting.REFERRAL_EXCLUDED_SUBSTATUSES));
        } catch (IllegalArgumentException e) {
            read.problem(new SettingProblem(
                    null, e.getMessage(), "Use plain values such as Incoming or Active, separated by commas"));
            return ReferralFilter.DEFAULT;
        }
    }

    private DatabaseSettings database() {
        Path embeddedDir = read.workingDir()
                .resolve(read.parsed(
                        Setting.DATABASE_EMBEDDED_DIR,
                        SettingValues::path,
                        "a folder path, absolute or relative to the working directory",
                        Path.of(Setting.DATABASE_EMBEDDED_DIR.defaultValue())));
        boolean migrate = read.parsed(
                Setting.DATABASE_MIGRATE_ON_START,
                SettingValues::bool,
                "true or false",
                SettingValues.bool(Setting.DATABASE_MIGRATE_ON_START.defaultValue()));
        DatabaseSettings database = DatabaseSettings.embedded(embeddedDir);
        Optional<String> url = read.text(Setting.DATABASE_URL);
        if (url.isPresent()) {
            try {
                database = DatabaseSettings.external(
                        DatabaseUrl.parse(url.get()),
                        read.text(Setting.DATABASE_USER).orElse(null),
                        raw.get(Setting.DATABASE_PASSWORD).value());
            } catch (IllegalArgumentException e) {
                // the message shows the URL redacted and names no setting: this is where the name is known
                read.problem(new SettingProblem(
                        Setting.DATABASE_URL, e.getMessage(), "Correct it, or unset it to use the embedded database"));
            }
        }
        return database.withMigrateOnStart(migrate).withSettingNames(DATABASE_NAMES);
    }
}
