package io.hunterreferrals.app.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration is missing something or has a malformed value; each problem names its variable and the fix. */
public final class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<SettingProblem> problems;

    public InvalidConfigurationException(List<SettingProblem> problems) {
        super("The configuration is not usable:\n"
                + problems.stream().map(p -> "  - " + p.describe()).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SettingProblem> problems() {
        return problems;
    }
}
