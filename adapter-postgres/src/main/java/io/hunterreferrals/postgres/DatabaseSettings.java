package io.hunterreferrals.postgres;

import io.hunterreferrals.core.redaction.Redaction;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database is and how to reach it, already parsed: reading and checking the operator's settings is the
 * application's job (app-common's {@code SettingsParser}), which owns their names and defaults.
 *
 * <ul>
 *   <li>{@code url == null}: the zero-setup embedded PostgreSQL whose data lives in {@code embeddedDataDir}.
 *   <li>otherwise a JDBC URL ({@code jdbc:postgresql://...}) of an external PostgreSQL, without credentials; those are
 *       in {@code user} / {@code password}.
 * </ul>
 *
 * @param url JDBC URL of an external PostgreSQL without user/password, or {@code null} for embedded
 * @param user user name for the external database, or {@code null} (driver default)
 * @param password password for the external database, or {@code null}; never printed by {@link #toString()}
 * @param embeddedDataDir the embedded server's data folder (absolute); {@code null} for an external database
 * @param migrateOnStart whether {@link Database#open} applies pending Flyway migrations
 * @param names how the operator names these settings, for the hints in error messages
 */
public record DatabaseSettings(
        String url, String user, String password, Path embeddedDataDir, boolean migrateOnStart, SettingNames names) {

    /**
     * What the operator calls the URL, user and password settings, e.g. the environment variables. Given by the
     * application, which owns those names, so that this adapter's hints ("check ...") name what the operator can change
     * without keeping a second copy of the names.
     */
    public record SettingNames(String url, String user, String password) {

        /** For callers with no names of their own (tests, tools): the hints then speak of the settings in words. */
        public static final SettingNames GENERIC = new SettingNames("the database URL", "the user", "the password");

        public SettingNames {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }
    }

    public DatabaseSettings {
        if (url == null) {
            Objects.requireNonNull(embeddedDataDir, "embeddedDataDir");
        }
        embeddedDataDir = embeddedDataDir == null
                ? null
                : embeddedDataDir.toAbsolutePath().normalize();
        Objects.requireNonNull(names, "names");
    }

    /** The embedded database in {@code dataDir}, migrated on start. */
    public static DatabaseSettings embedded(Path dataDir) {
        return new DatabaseSettings(null, null, null, dataDir, true, SettingNames.GENERIC);
    }

    /**
     * The external database at {@code url}, migrated on start; {@code user} and {@code password}, when given
     * ({@code null}, a blank user or an empty password are not), override the URL's credentials.
     */
    public static DatabaseSettings external(DatabaseUrl url, String user, String password) {
        String overrideUser = user == null || user.isBlank() ? null : user;
        String overridePassword = password == null || password.isEmpty() ? null : password;
        return new DatabaseSettings(
                url.jdbcUrl(),
                overrideUser != null ? overrideUser : url.user(),
                overridePassword != null ? overridePassword : url.password(),
                null,
                true,
                SettingNames.GENERIC);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    public DatabaseSettings withEmbeddedDataDir(Path dir) {
        return new DatabaseSettings(url, user, password, dir, migrateOnStart, names);
    }

    public DatabaseSettings withMigrateOnStart(boolean migrate) {
        return new DatabaseSettings(url, user, password, embeddedDataDir, migrate, names);
    }

    public DatabaseSettings withSettingNames(SettingNames settingNames) {
        return new DatabaseSettings(url, user, password, embeddedDataDir, migrateOnStart, settingNames);
    }

    /** Human-readable target without the password, e.g. for logs and {@code hunter db info}. */
    public String describe() {
        if (isEmbedded()) {
            return "embedded PostgreSQL in " + embeddedDataDir;
        }
        // the URL holds no user or password any more, but may hold other secrets (sslpassword=...)
        return Redaction.url(url) + (user != null ? " (user " + user + ")" : "");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + Redaction.url(url) + ", user=" + user + ", password="
                + Redaction.secret(password) + ", embeddedDataDir=" + embeddedDataDir + ", migrateOnStart="
                + migrateOnStart + "]";
    }
}
