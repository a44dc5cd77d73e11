package io.hunterreferrals.app.config;

import io.hunterreferrals.core.filter.ReferralFilter;
import io.hunterreferrals.postgres.DatabaseSettings;
import java.time.Duration;
import java.util.Objects;

/** The whole configuration, parsed once at start-up from {@code HUNTER_*} variables and {@code .env}. */
public record HunterSettings(
        Environment environment,
        LogFormat logFormat,
        PartnerCenterSettings partnerCenter,
        Duration syncInterval,
        ReferralFilter filter,
        DatabaseSettings database,
        HttpSettings http,
        DynamicsSettings dynamics,
        NotifySettings notifications,
        WebhookSettings webhooks) {

    public HunterSettings {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(partnerCenter, "partnerCenter");
        Objects.requireNonNull(syncInterval, "syncInterval");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(webhooks, "webhooks");
    }

    /** Settings without Partner Center webhooks (tests, benchmarks and the demo's own). */
    public HunterSettings(
            Environment environment,
            LogFormat logFormat,
            PartnerCenterSettings partnerCenter,
            Duration syncInterval,
            ReferralFilter filter,
            DatabaseSettings database,
            HttpSettings http,
            DynamicsSettings dynamics,
            NotifySettings notifications) {
        this(
                environment,
                logFormat,
                partnerCenter,
                syncInterval,
                filter,
                database,
                http,
                dynamics,
                notifications,
                WebhookSettings.OFF);
    }

    public HunterSettings withWebhooks(WebhookSettings webhooks) {
        return new HunterSettings(
                environment,
                logFormat,
                partnerCenter,
                syncInterval,
                filter,
                database,
                http,
                dynamics,
                notifications,
                webhooks);
    }
}
