package io.hunterreferrals.app.config;

import io.hunterreferrals.postgres.DatabaseSettings;
import java.util.Objects;

/** A setting's raw value and where it came from; {@code value} is {@code null} when unset with no default. */
public record SettingValue(Setting setting, String value, SettingSource source) {

    public SettingValue {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(source, "source");
    }

    public boolean isSet() {
        return value != null && !value.isBlank();
    }

    /** The value as it may be shown: secrets masked, database URLs without their password. */
    public String display() {
        if (!isSet()) {
            return "(not set)";
        }
        if (setting == Setting.DATABASE_URL) {
            return DatabaseSettings.redact(value);
        }
        if (setting.isSecret()) {
            return "**** (" + value.length() + " characters)";
        }
        return value;
    }
}
