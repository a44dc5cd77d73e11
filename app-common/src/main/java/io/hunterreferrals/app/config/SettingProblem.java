package io.hunterreferrals.app.config;

import java.util.Objects;

/**
 * What is wrong with a setting and how to fix it.
 *
 * @param setting the setting, or {@code null} for a problem with the {@code .env} file itself
 * @param problem what is wrong, e.g. "is not a number"
 * @param fix what the operator should do
 */
public record SettingProblem(Setting setting, String problem, String fix) {

    public SettingProblem {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fix, "fix");
    }

    /** One line for an operator, naming the variable. */
    public String describe() {
        return (setting == null ? "" : setting.variable() + ": ") + problem + ". " + fix;
    }
}
