package io.hunterreferrals.app.config;

import io.hunterreferrals.postgres.DatabaseSettings;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code HUNTER_ENVIRONMENT=production} demands beyond well-formed values (the production runbook's phase 1.2).
 * Each rule guards against a mistake that only shows on a server: data reachable by anyone on the network, a database
 * that lives in one container's folder, a token cache that a restart or a redeploy throws away, logs a collector cannot
 * parse, or simulated referrals taken for real ones. Every command refuses to run while one fails, and {@code hunter
 * config check} lists them all with the fix.
 */
final class ProductionRules {

    private ProductionRules() {}

    static List<SettingProblem> check(
            RawSettings raw, DatabaseSettings database, HttpSettings http, boolean allowEmbedded) {
        List<SettingProblem> problems = new ArrayList<>();
        if (http.apiKeys().isEmpty() && !loopbackOnly(http.host())) {
            problems.add(new SettingProblem(
                    Setting.API_KEY,
                    "is missing, and HUNTER_HTTP_HOST=" + http.host()
                            + " is reachable from other machines: anyone could read referrals and start syncs",
                    "Set HUNTER_API_KEY to a random key of at least 16 characters (e.g. `openssl rand -hex 24`)"));
        }
        if (database.isEmbedded() && !allowEmbedded) {
            problems.add(new SettingProblem(
                    Setting.DATABASE_URL,
                    "is not set, so production would use the embedded "
                            + "database, whose data lives in one folder of one machine",
                    "Set HUNTER_DATABASE_URL to your PostgreSQL (e.g. jdbc:postgresql://db-host:5432/hunter), or "
                            + "HUNTER_DATABASE_ALLOW_EMBEDDED=true to keep the embedded one on purpose"));
        }
        SettingValue tokenCache = raw.get(Setting.PARTNER_CENTER_TOKEN_CACHE_PATH);
        if (!isAbsolute(tokenCache.value())) {
            problems.add(new SettingProblem(
                    Setting.PARTNER_CENTER_TOKEN_CACHE_PATH,
                    "is '" + tokenCache.value()
                            + "', relative to the working directory, which a redeploy or a new container may not keep",
                    "Set an absolute path on a persistent volume, e.g. /var/lib/hunter/token/token_cache"));
        }
        SettingValue logFormat = raw.get(Setting.LOG_FORMAT);
        if (logFormat.isSet() && !logFormat.value().strip().equalsIgnoreCase("json")) {
            problems.add(new SettingProblem(
                    Setting.LOG_FORMAT,
                    "is '" + logFormat.value().strip()
                            + "'; production logs are JSON, one event per line, so a log collector can parse them",
                    "Remove HUNTER_LOG_FORMAT (JSON is the production default) or set it to json"));
        }
        if (raw.get(Setting.PARTNER_CENTER_SIMULATOR_URL).isSet()) {
            problems.add(new SettingProblem(
                    Setting.PARTNER_CENTER_SIMULATOR_URL,
                    "is set: production would show SIMULATED referrals",
                    "Remove HUNTER_PARTNER_CENTER_SIMULATOR_URL from the production settings"));
        }
        if (raw.get(Setting.DYNAMICS_SIMULATOR_URL).isSet()) {
            problems.add(new SettingProblem(
                    Setting.DYNAMICS_SIMULATOR_URL,
                    "is set: production would push leads to a SIMULATED Dynamics 365",
                    "Remove " + Setting.DYNAMICS_SIMULATOR_URL.variable() + " from the production settings"));
        }
        return problems;
    }

    private static boolean loopbackOnly(String host) {
        try {
            return HttpSettings.isLoopbackOnly(host);
        } catch (UnknownHostException e) {
            return false; // the server refuses an unresolvable host at start-up with its own message
        }
    }

    private static boolean isAbsolute(String value) {
        try {
            return value != null && Path.of(value.strip()).isAbsolute();
        } catch (java.nio.file.InvalidPathException e) {
            return false; // reported as malformed by the parser already
        }
    }
}
