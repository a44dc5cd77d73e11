package io.hunterreferrals.app.config;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of parsing: every raw value with its source, the settings when no value is malformed, the problems
 * (malformed values) and notices (harmless oddities such as an unused client secret).
 */
public record ParsedSettings(
        RawSettings raw, Optional<HunterSettings> settings, List<SettingProblem> problems, List<String> notices) {

    public ParsedSettings {
        problems = List.copyOf(problems);
        notices = List.copyOf(notices);
    }

    /** The settings, or an exception listing every problem. */
    public HunterSettings orThrow() {
        return settings.orElseThrow(() -> new InvalidConfigurationException(problems));
    }
}
