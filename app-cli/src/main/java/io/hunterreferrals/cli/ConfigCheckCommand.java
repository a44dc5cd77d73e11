package io.hunterreferrals.cli;

import io.hunterreferrals.app.config.ParsedSettings;
import io.hunterreferrals.app.config.PartnerCenterSettings;
import io.hunterreferrals.app.config.Setting;
import io.hunterreferrals.app.config.SettingProblem;
import io.hunterreferrals.app.config.SettingValue;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Runbook phase 1 in one command: every setting with its value and source (secrets masked), what is missing or invalid
 * with the fix, and whether a token cache exists. Exit 0 only when a sync could run.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Show every HUNTER_* setting with its value and source, what is missing or invalid, and whether "
                + "a token cache exists. Exit 0 when the configuration can sync.")
final class ConfigCheckCommand implements Callable<Integer> {

    private final CliContext context;

    ConfigCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ParsedSettings parsed = context.parsedSettings();
        PrintWriter out = context.out();
        out.println("Configuration in " + context.workingDir() + " (.env " + (parsed.raw().dotenvExists() ? "found" : "not found")
                + "; the environment wins over .env, .env over defaults)");
        out.println();
        for (Setting setting : Setting.values()) {
            SettingValue value = parsed.raw().get(setting);
            out.printf("  %-52s %-44s (%s)%n", setting.variable(), value.display(), value.source().label());
        }
        out.println();
        List<SettingProblem> problems = new ArrayList<>(parsed.problems());
        boolean onlyFlagOff = false;
        if (parsed.settings().isPresent()) {
            PartnerCenterSettings partnerCenter = parsed.settings().get().partnerCenter();
            List<SettingProblem> readiness = partnerCenter.readinessProblems();
            onlyFlagOff = readiness.size() == 1 && readiness.getFirst().setting() == Setting.PARTNER_CENTER_ENABLED;
            problems.addAll(readiness);
            printTokenCache(out, partnerCenter.tokenCachePath());
        }
        parsed.notices().forEach(notice -> out.println("Notice: " + notice));
        if (problems.isEmpty()) {
            out.println("OK: the configuration can sync. Next: `hunter auth login` (once), then `hunter sync`.");
            return ExitCode.SUCCESS.code();
        }
        out.println("Not ready to sync (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):");
        problems.forEach(p -> out.println("  - " + p.describe()));
        return (onlyFlagOff && parsed.problems().isEmpty() ? ExitCode.FEATURE_DISABLED : ExitCode.CONFIG_INVALID).code();
    }

    private static void printTokenCache(PrintWriter out, Path tokenCache) {
        if (Files.isRegularFile(tokenCache)) {
            out.println("Token cache: " + tokenCache + " exists (`hunter auth status` shows the account).");
        } else {
            out.println("Token cache: " + tokenCache + " does not exist yet: run `hunter auth login` (runbook phase 2).");
        }
        out.println();
    }
}
