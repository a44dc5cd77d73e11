package io.hunterreferrals.app.config;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The raw value of every {@link Setting}: the environment first, then the {@code .env} file in the working directory,
 * then the default. Reading happens once, at the edge; parsing is {@link SettingsParser}'s job.
 */
public final class RawSettings {

    private final Map<Setting, SettingValue> values;
    private final Path dotenvFile;

    private RawSettings(Map<Setting, SettingValue> values, Path dotenvFile) {
        this.values = values;
        this.dotenvFile = dotenvFile;
    }

    /**
     * @param environment the process environment, e.g. {@code System.getenv()}
     * @param workingDir where {@code .env} is looked for
     * @throws InvalidConfigurationException when {@code .env} exists but cannot be parsed
     */
    public static RawSettings read(Map<String, String> environment, Path workingDir) {
        Path dotenvFile = workingDir.resolve(".env");
        Map<String, String> fromFile = readDotenv(dotenvFile);
        Map<Setting, SettingValue> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String fromEnvironment = environment.get(setting.variable());
            if (fromEnvironment != null) {
                values.put(setting, new SettingValue(setting, fromEnvironment, SettingSource.ENVIRONMENT));
            } else if (fromFile.containsKey(setting.variable())) {
                values.put(setting, new SettingValue(setting, fromFile.get(setting.variable()), SettingSource.DOTENV));
            } else {
                values.put(setting, new SettingValue(setting, setting.defaultValue(), SettingSource.DEFAULT));
            }
        }
        return new RawSettings(values, dotenvFile);
    }

    public SettingValue get(Setting setting) {
        return values.get(setting);
    }

    public Path dotenvFile() {
        return dotenvFile;
    }

    public boolean dotenvExists() {
        return Files.isRegularFile(dotenvFile);
    }

    private static Map<String, String> readDotenv(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Dotenv dotenv = Dotenv.configure()
                    .directory(file.getParent().toString())
                    .filename(file.getFileName().toString())
                    .load();
            Map<String, String> entries = new HashMap<>();
            for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
                entries.put(entry.getKey(), entry.getValue());
            }
            return entries;
        } catch (DotenvException e) {
            throw new InvalidConfigurationException(java.util.List.of(new SettingProblem(
                    null,
                    "The file " + file + " cannot be read: " + e.getMessage(),
                    "Fix the line it names: each line is NAME=value")));
        }
    }
}
