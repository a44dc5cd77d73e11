package io.hunterreferrals.app.config;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every setting the product reads: its variable, what it is for, its default, and whether its value is a secret or a
 * URL (masked wherever it is shown, see {@link SettingValue#display()}). {@code hunter config check} and the README
 * list these.
 */
public enum Setting {
    ENVIRONMENT("HUNTER_ENVIRONMENT", "development or production", "development", false),
    LOG_FORMAT("HUNTER_LOG_FORMAT", "console or json (json by default in production)", null, false),
    PARTNER_CENTER_ENABLED(
            "HUNTER_PARTNER_CENTER_ENABLED", "feature flag: true turns the Partner Center sync on", "false", false),
    PARTNER_CENTER_CLIENT_ID(
            "HUNTER_PARTNER_CENTER_CLIENT_ID",
            "Application (client) ID of the Entra ID app registration (a GUID)",
            null,
            false),
    PARTNER_CENTER_TENANT_ID(
            "HUNTER_PARTNER_CENTER_TENANT_ID", "Directory (tenant) ID (a GUID) or the tenant's domain", null, false),
    PARTNER_CENTER_CLIENT_SECRET(
            "HUNTER_PARTNER_CENTER_CLIENT_SECRET",
            "not used: sign-in is a public client with a device code",
            null,
            true),
    PARTNER_CENTER_AUTHORITY(
            "HUNTER_PARTNER_CENTER_AUTHORITY",
            "sign-in authority for sovereign clouds; default https://login.microsoftonline.com/<tenant>",
            null,
            false),
    PARTNER_CENTER_API_URL(
            "HUNTER_PARTNER_CENTER_API_URL", "Partner Center API base URL", "https://api.partner.microsoft.com", false),
    PARTNER_CENTER_API_VERSION("HUNTER_PARTNER_CENTER_API_VERSION", "Partner Center API version", "v1.0", false),
    PARTNER_CENTER_SCOPE(
            "HUNTER_PARTNER_CENTER_SCOPE",
            "OAuth scope of the API",
            "https://api.partner.microsoft.com/.default",
            false),
    PARTNER_CENTER_TOKEN_CACHE_PATH(
            "HUNTER_PARTNER_CENTER_TOKEN_CACHE_PATH",
            "token cache file (owner-only; never commit it)",
            ".token_cache",
            false),
    PARTNER_CENTER_SYNC_INTERVAL(
            "HUNTER_PARTNER_CENTER_SYNC_INTERVAL",
            "seconds between background syncs (30 in development)",
            "600",
            false),
    PARTNER_CENTER_PAGE_SIZE("HUNTER_PARTNER_CENTER_PAGE_SIZE", "referrals per page ($top), 1 to 100", "100", false),
    PARTNER_CENTER_MAX_PAGES(
            "HUNTER_PARTNER_CENTER_MAX_PAGES", "pages per run before it stops as failed", "10000", false),
    PARTNER_CENTER_REQUEST_TIMEOUT(
            "HUNTER_PARTNER_CENTER_REQUEST_TIMEOUT",
            "seconds to wait for one Partner Center response before retrying it, 1 to 600",
            "60",
            false),
    PARTNER_CENTER_SIMULATOR_URL(
            "HUNTER_PARTNER_CENTER_SIMULATOR_URL",
            "rehearsal only: http://127.0.0.1:PORT of a standalone simulator (java -jar simulator.jar); "
                    + "sign-in and API go there; refused in production",
            null,
            false),
    REFERRAL_DIRECTIONS(
            "HUNTER_PARTNER_CENTER_REFERRAL_DIRECTIONS",
            "directions taken in, comma-separated (empty = any)",
            "Incoming",
            false),
    REFERRAL_STATUSES(
            "HUNTER_PARTNER_CENTER_REFERRAL_STATUSES",
            "statuses of new referrals taken in, comma-separated (empty = any)",
            "New,Active",
            false),
    REFERRAL_EXCLUDED_SUBSTATUSES(
            "HUNTER_PARTNER_CENTER_REFERRAL_EXCLUDED_SUBSTATUSES",
            "substatuses of new referrals skipped, comma-separated",
            "",
            false),
    DATABASE_URL(
            "HUNTER_DATABASE_URL",
            "PostgreSQL URL (jdbc:postgresql://... or postgresql://user:pass@host/db); unset = embedded",
            null,
            true),
    DATABASE_USER("HUNTER_DATABASE_USER", "database user (overrides the URL's)", null, false),
    DATABASE_PASSWORD("HUNTER_DATABASE_PASSWORD", "database password (overrides the URL's)", null, true),
    DATABASE_EMBEDDED_DIR(
            "HUNTER_DATABASE_EMBEDDED_DIR", "data folder of the embedded PostgreSQL", ".hunter/postgres", false),
    DATABASE_ALLOW_EMBEDDED(
            "HUNTER_DATABASE_ALLOW_EMBEDDED",
            "true lets production use the embedded database (one machine only); otherwise production needs "
                    + "HUNTER_DATABASE_URL",
            "false",
            false),
    DATABASE_MIGRATE_ON_START(
            "HUNTER_DATABASE_MIGRATE_ON_START", "apply database migrations at start-up", "true", false),
    HTTP_HOST(
            "HUNTER_HTTP_HOST",
            "address the server listens on (non-loopback needs HUNTER_API_KEY)",
            "127.0.0.1",
            false),
    HTTP_PORT("HUNTER_HTTP_PORT", "port the server listens on", "8000", false),
    API_KEY("HUNTER_API_KEY", "API key(s) for /api/**, comma-separated", null, true),
    DYNAMICS_ENABLED(
            "HUNTER_DYNAMICS_ENABLED",
            "feature flag: true pushes referrals to Dynamics 365 as leads (after each sync, and on demand)",
            "false",
            false),
    DYNAMICS_URL(
            "HUNTER_DYNAMICS_URL", "the Dynamics 365 environment, e.g. https://contoso.crm4.dynamics.com", null, false),
    DYNAMICS_TENANT_ID(
            "HUNTER_DYNAMICS_TENANT_ID",
            "Directory (tenant) ID of the environment (a GUID) or the tenant's domain",
            null,
            false),
    DYNAMICS_CLIENT_ID(
            "HUNTER_DYNAMICS_CLIENT_ID",
            "Application (client) ID of the app registration the push signs in as (its application user)",
            null,
            false),
    DYNAMICS_CLIENT_SECRET(
            "HUNTER_DYNAMICS_CLIENT_SECRET", "the app's client secret (or use a certificate)", null, true),
    DYNAMICS_CERTIFICATE_PATH(
            "HUNTER_DYNAMICS_CERTIFICATE_PATH",
            "the app's certificate with its private key, PKCS#12 (.pfx/.p12), instead of a secret",
            null,
            false),
    DYNAMICS_CERTIFICATE_PASSWORD(
            "HUNTER_DYNAMICS_CERTIFICATE_PASSWORD", "password of the PKCS#12 certificate file", null, true),
    DYNAMICS_COLUMN_PREFIX(
            "HUNTER_DYNAMICS_COLUMN_PREFIX",
            "publisher prefix of the custom lead columns (<prefix>_partnercenterreferralid, ...)",
            "hnt",
            false),
    DYNAMICS_BATCH_SIZE(
            "HUNTER_DYNAMICS_BATCH_SIZE",
            "leads per $batch request, 1 to 1000 (Microsoft suggests starting around 10)",
            "10",
            false),
    DYNAMICS_MAX_ATTEMPTS(
            "HUNTER_DYNAMICS_MAX_ATTEMPTS",
            "times a lead Dynamics refused is retried before it waits for the referral to change",
            "5",
            false),
    DYNAMICS_PUSH_TYPES(
            "HUNTER_DYNAMICS_PUSH_TYPES",
            "referral types pushed, comma-separated: co-sell, marketplace, solution-provider, unclassified "
                    + "(empty = all)",
            "",
            false),
    DYNAMICS_PUSH_STATUSES(
            "HUNTER_DYNAMICS_PUSH_STATUSES",
            "Partner Center statuses pushed, comma-separated, e.g. New,Active (empty = all)",
            "",
            false),
    DYNAMICS_REQUEST_TIMEOUT(
            "HUNTER_DYNAMICS_REQUEST_TIMEOUT",
            "seconds to wait for one Dataverse response before retrying it, 1 to 600",
            "60",
            false),
    DYNAMICS_WRITE_BACK(
            "HUNTER_DYNAMICS_WRITE_BACK",
            "true also writes each lead's id back to its referral in Partner Center (externalReferenceId) with the "
                    + "operator's sign-in; whether Partner Center accepts that is unconfirmed: a refusal is recorded "
                    + "on the referral, never fatal",
            "false",
            false),
    DYNAMICS_SIMULATOR_URL(
            "HUNTER_DYNAMICS_SIMULATOR_URL",
            "rehearsal only: http://127.0.0.1:PORT of a standalone Dataverse simulator; sign-in and Web API "
                    + "go there; refused in production",
            null,
            false),
    PUBLIC_URL(
            "HUNTER_PUBLIC_URL",
            "the web UI's address as people open it, e.g. https://hunter.example.com: notifications link to a "
                    + "referral's detail there (unset: they link to Partner Center only)",
            null,
            false),
    PARTNER_CENTER_WEBHOOKS_ENABLED(
            "HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED",
            "true takes Partner Center's referral webhooks at HUNTER_PUBLIC_URL/api/v1/partner-center/webhooks as "
                    + "hints, read within seconds (register with hunter webhooks register); the schedule stays",
            "false",
            false),
    NOTIFY_LANGUAGE("HUNTER_NOTIFY_LANGUAGE", "language of notifications: tr or en", "tr", false),
    NOTIFY_EVENTS(
            "HUNTER_NOTIFY_EVENTS",
            "events sent to every channel, comma-separated: referral.created, referral.updated, "
                    + "referral.status_changed, referral.linked, referral.unlinked, sync.failed, dynamics.push_failed",
            "referral.created,sync.failed",
            false),
    NOTIFY_TYPES(
            "HUNTER_NOTIFY_TYPES",
            "referral types whose events are sent, comma-separated: co-sell, marketplace, solution-provider, "
                    + "unclassified (empty = all)",
            "co-sell",
            false),
    NOTIFY_STATUSES(
            "HUNTER_NOTIFY_STATUSES",
            "Partner Center statuses whose referral events are sent, e.g. New,Active (empty = all)",
            "",
            false),
    NOTIFY_RETENTION_DAYS(
            "HUNTER_NOTIFY_RETENTION_DAYS",
            "days delivered and dead events stay in the outbox (pending ones are always kept), 1 to 3650",
            "30",
            false),
    NOTIFY_EMAIL_TO(
            "HUNTER_NOTIFY_EMAIL_TO", "e-mail channel: recipients, comma-separated (set = e-mail on)", null, false),
    NOTIFY_EMAIL_FROM("HUNTER_NOTIFY_EMAIL_FROM", "e-mail channel: the sender address", null, false),
    NOTIFY_EMAIL_DIGEST_MINUTES(
            "HUNTER_NOTIFY_EMAIL_DIGEST_MINUTES",
            "0 sends one e-mail per event; N collects N minutes of events into one e-mail, 0 to 1440",
            "0",
            false),
    NOTIFY_SMTP_HOST("HUNTER_NOTIFY_SMTP_HOST", "e-mail channel: the SMTP relay's host name", null, false),
    NOTIFY_SMTP_PORT("HUNTER_NOTIFY_SMTP_PORT", "e-mail channel: the SMTP relay's port", "587", false),
    NOTIFY_SMTP_SECURITY(
            "HUNTER_NOTIFY_SMTP_SECURITY",
            "starttls (required), smtps (TLS from the start, port 465) or none (a relay on this machine only)",
            "starttls",
            false),
    NOTIFY_SMTP_USER("HUNTER_NOTIFY_SMTP_USER", "e-mail channel: SMTP user (unset: no authentication)", null, false),
    NOTIFY_SMTP_PASSWORD("HUNTER_NOTIFY_SMTP_PASSWORD", "e-mail channel: SMTP password", null, true),
    NOTIFY_TEAMS_WEBHOOK_URL(
            "HUNTER_NOTIFY_TEAMS_WEBHOOK_URL",
            "Microsoft Teams channel: the Workflows webhook URL (\"When a Teams webhook request is received\"); a "
                    + "secret",
            null,
            true),
    NOTIFY_SLACK_WEBHOOK_URL(
            "HUNTER_NOTIFY_SLACK_WEBHOOK_URL", "Slack channel: the app's incoming webhook URL; a secret", null, true),
    NOTIFY_WEBHOOK_URL(
            "HUNTER_NOTIFY_WEBHOOK_URL",
            "signed webhook channel: the receiver's URL (JSON, HMAC-SHA256 signature); a secret",
            null,
            true),
    NOTIFY_WEBHOOK_SECRET(
            "HUNTER_NOTIFY_WEBHOOK_SECRET",
            "signed webhook channel: the shared secret the signature is made with, at least 32 characters",
            null,
            true),
    NOTIFY_EMAIL_RULE(
            "HUNTER_NOTIFY_EMAIL_RULE",
            "e-mail's own rule, e.g. events=referral.created;types=co-sell,marketplace;statuses= (a part left out "
                    + "takes HUNTER_NOTIFY_EVENTS, _TYPES or _STATUSES)",
            null,
            false),
    NOTIFY_TEAMS_RULE("HUNTER_NOTIFY_TEAMS_RULE", "Teams' own rule, as HUNTER_NOTIFY_EMAIL_RULE", null, false),
    NOTIFY_SLACK_RULE("HUNTER_NOTIFY_SLACK_RULE", "Slack's own rule, as HUNTER_NOTIFY_EMAIL_RULE", null, false),
    NOTIFY_WEBHOOK_RULE(
            "HUNTER_NOTIFY_WEBHOOK_RULE", "the signed webhook's own rule, as HUNTER_NOTIFY_EMAIL_RULE", null, false);

    /**
     * The settings whose value is a URL: shown through {@code Redaction.url}, which keeps where it points and hides a
     * password or a secret parameter in it (a webhook's {@code sig=}). A new URL setting belongs here.
     */
    private static final Set<Setting> URLS = EnumSet.of(
            DATABASE_URL,
            PARTNER_CENTER_AUTHORITY,
            PARTNER_CENTER_API_URL,
            PARTNER_CENTER_SIMULATOR_URL,
            DYNAMICS_URL,
            DYNAMICS_SIMULATOR_URL,
            PUBLIC_URL);

    /**
     * The settings whose whole value after the host is a credential (Slack's and Teams Workflows' URLs carry their
     * secret in the path): shown as scheme and host only, through {@code Redaction.urlOrigin}.
     */
    private static final Set<Setting> WEBHOOK_URLS =
            EnumSet.of(NOTIFY_TEAMS_WEBHOOK_URL, NOTIFY_SLACK_WEBHOOK_URL, NOTIFY_WEBHOOK_URL);

    private final String variable;
    private final String description;
    private final String defaultValue;
    private final boolean secret;

    Setting(String variable, String description, String defaultValue, boolean secret) {
        this.variable = variable;
        this.description = description;
        this.defaultValue = defaultValue;
        this.secret = secret;
    }

    public String variable() {
        return variable;
    }

    public String description() {
        return description;
    }

    /** The default as documented, or {@code null} when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    public boolean isSecret() {
        return secret;
    }

    public boolean isUrl() {
        return URLS.contains(this);
    }

    public boolean isWebhookUrl() {
        return WEBHOOK_URLS.contains(this);
    }
}
