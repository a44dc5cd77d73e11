package io.hunterreferrals.app.config;

/** Where a setting's value came from; the environment wins over {@code .env}, which wins over the default. */
public enum SettingSource {
    ENVIRONMENT("environment"),
    DOTENV(".env"),
    DEFAULT("default");

    private final String label;

    SettingSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
