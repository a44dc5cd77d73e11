package io.hunterreferrals.app.config;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.redaction.Redaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed values out of {@link RawSettings} for the settings parsers, collecting every malformed value as a
 * {@link SettingProblem} (so {@code hunter config check} lists them all at once) and every notice for the operator.
 */
final class SettingReader {

    private final RawSettings raw;
    private final List<SettingProblem> problems = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    SettingReader(RawSettings raw) {
        this.raw = raw;
    }

    RawSettings raw() {
        return raw;
    }

    List<SettingProblem> problems() {
        return problems;
    }

    List<String> notices() {
        return notices;
    }

    void problem(SettingProblem problem) {
        problems.add(problem);
    }

    void notice(String notice) {
        notices.add(notice);
    }

    /** Relative paths in settings are relative to the directory holding {@code .env}: the working directory. */
    Path workingDir() {
        return raw.dotenvFile().toAbsolutePath().getParent();
    }

    <T> T parsed(Setting setting, Function<String, T> parser, String expected, T fallback) {
        return optional(setting, parser, expected).orElse(fallback);
    }

    <T> Optional<T> optional(Setting setting, Function<String, T> parser, String expected) {
        Optional<String> value = text(setting);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value.get()));
        } catch (RuntimeException e) {
            String shown = setting.isSecret()
                    ? "its value"
                    : "'" + (setting.isUrl() ? Redaction.url(value.get()) : value.get()) + "'";
            problems.add(new SettingProblem(setting, shown + " is not " + expected, "Set it to " + expected));
            return Optional.empty();
        }
    }

    Optional<String> text(Setting setting) {
        SettingValue value = raw.get(setting);
        return value.isSet() ? Optional.of(value.value().strip()) : Optional.empty();
    }

    /** The value as set, spaces included: for secrets, which may begin or end with one. */
    Optional<String> secret(Setting setting) {
        SettingValue value = raw.get(setting);
        return value.isSet() ? Optional.of(value.value()) : Optional.empty();
    }

    List<String> list(Setting setting) {
        return text(setting)
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    /**
     * Referral types as filters name them ({@code co-sell}, ..., {@code unclassified}); an unknown one is a problem.
     */
    Set<ReferralCategory> referralTypes(Setting setting, List<String> labels) {
        Set<ReferralCategory> types = new LinkedHashSet<>();
        for (String label : labels) {
            try {
                types.add(ReferralCategory.fromLabel(label.toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(new SettingProblem(
                        setting,
                        e.getMessage(),
                        "Use co-sell, marketplace, solution-provider or unclassified, separated by commas"));
            }
        }
        return types;
    }
}
