package io.hunterreferrals.app.config;

import io.hunterreferrals.core.redaction.Redaction;
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

    /**
     * The value as it may be shown: a URL without its password and secret parameters (so an operator still sees where
     * it points), any other secret as its length only.
     */
    public String display() {
        if (!isSet()) {
            return "(not set)";
        }
        if (setting.isWebhookUrl()) {
            return Redaction.urlOrigin(value);
        }
        if (setting.isUrl()) {
            return Redaction.url(value);
        }
        if (setting.isSecret()) {
            return Redaction.secret(value);
        }
        return value;
    }
}
