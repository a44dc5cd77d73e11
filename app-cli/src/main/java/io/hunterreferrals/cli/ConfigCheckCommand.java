package io.hunterreferrals.cli;

import io.hunterreferrals.app.config.DynamicsSettings;
import io.hunterreferrals.app.config.Environment;
import io.hunterreferrals.app.config.NotifySettings;
import io.hunterreferrals.app.config.ParsedSettings;
import io.hunterreferrals.app.config.PartnerCenterSettings;
import io.hunterreferrals.app.config.Setting;
import io.hunterreferrals.app.config.SettingProblem;
import io.hunterreferrals.app.config.SettingValue;
import io.hunterreferrals.app.wiring.NotifyWiring;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Runbook phase 1 in one command: every setting with its value and source (secrets masked), what is missing or invalid
 * with the fix, and whether a token cache exists. Exit 0 only when a sync could run.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
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
        out.println("Configuration in " + context.workingDir() + " (.env "
                + (parsed.raw().dotenvExists() ? "found" : "not found")
                + "; the environment wins over .env, .env over defaults)");
        if ("production"
                .equalsIgnoreCase(parsed.raw().get(Setting.ENVIRONMENT).value().strip())) {
            out.println("Production rules apply (HUNTER_ENVIRONMENT=production): an API key when listening beyond "
                    + "loopback, an external database, an absolute token cache path, JSON logs, no simulator.");
        }
        out.println();
        for (Setting setting : Setting.values()) {
            SettingValue value = parsed.raw().get(setting);
            out.printf(
                    "  %-52s %-44s (%s)%n",
                    setting.variable(), value.display(), value.source().label());
        }
        out.println();
        List<SettingProblem> problems = new ArrayList<>(parsed.problems());
        boolean onlyFlagOff = false;
        if (parsed.settings().isPresent()) {
            PartnerCenterSettings partnerCenter = parsed.settings().get().partnerCenter();
            List<SettingProblem> readiness = partnerCenter.readinessProblems();
            onlyFlagOff = readiness.size() == 1 && readiness.getFirst().setting() == Setting.PARTNER_CENTER_ENABLED;
            problems.addAll(readiness);
            DynamicsSettings dynamics = parsed.settings().get().dynamics();
            if (dynamics.enabled()) {
                problems.addAll(dynamics.readinessProblems()); // a push that cannot sign in fails after every sync
                problems.addAll(dynamics.writeBackProblems(partnerCenter));
                if (dynamics.writeBack()) {
                    out.println("Dynamics 365 write-back: on: each lead id is written back to its referral in Partner "
                            + "Center (UNCONFIRMED whether Partner Center accepts it; a refusal is recorded on the "
                            + "referral).");
                }
            } else {
                out.println("Dynamics 365 push: off (" + Setting.DYNAMICS_ENABLED.variable() + " is not true).");
            }
            printChannels(out, parsed.settings().get().notifications(), problems);
            // owner-only is a production rule; elsewhere (a developer's own machine) it is worth a notice
            printTokenCache(out, partnerCenter.tokenCachePath()).ifPresent(problem -> {
                if (parsed.settings().get().environment() == Environment.PRODUCTION) {
                    problems.add(problem);
                } else {
                    out.println("Notice: " + problem.describe());
                }
            });
        }
        parsed.notices().forEach(notice -> out.println("Notice: " + notice));
        if (problems.isEmpty()) {
            out.println("OK: the configuration can sync. Next: `hunter auth login` (once), then `hunter sync`.");
            return ExitCode.SUCCESS.code();
        }
        out.println("Not ready to sync (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):");
        problems.forEach(p -> out.println("  - " + p.describe()));
        return (onlyFlagOff && parsed.problems().isEmpty() ? ExitCode.FEATURE_DISABLED : ExitCode.CONFIG_INVALID)
                .code();
    }

    /** Prints each notification channel that is on, where it sends (masked) and its rule. */
    private static void printChannels(PrintWriter out, NotifySettings notify, List<SettingProblem> problems) {
        if (notify.channels().isEmpty()) {
            out.println("Notifications: no channel configured (HUNTER_NOTIFY_EMAIL_TO, _TEAMS_WEBHOOK_URL, "
                    + "_SLACK_WEBHOOK_URL or _WEBHOOK_URL); events are still kept (hunter events list).");
            return;
        }
        try {
            NotifyWiring.channels(notify)
                    .forEach((kind, channel) -> out.println("Notifications: " + kind.channelName()
                            + " to " + channel.target() + " in "
                            + notify.language().code() + "; " + notify.rule(kind)
                            + " (hunter notify test " + kind.channelName() + " sends a test message)"));
        } catch (IllegalArgumentException e) {
            problems.add(new SettingProblem(Setting.NOTIFY_EMAIL_TO, e.getMessage(), "Correct the e-mail settings"));
        }
    }

    /** Prints where the token cache is; a cache others can read (it holds a refresh token) is a problem. */
    private static Optional<SettingProblem> printTokenCache(PrintWriter out, Path tokenCache) {
        Optional<SettingProblem> problem = Optional.empty();
        if (Files.isRegularFile(tokenCache)) {
            out.println("Token cache: " + tokenCache + " exists (`hunter auth status` shows the account).");
            problem = readableByOthers(tokenCache)
                    .map(mode -> new SettingProblem(
                            Setting.PARTNER_CENTER_TOKEN_CACHE_PATH,
                            tokenCache + " has mode " + mode + ": other users can read the refresh token in it",
                            "Run `chmod 600 " + tokenCache + "` (hunter writes it owner-only; something changed it)"));
        } else {
            out.println(
                    "Token cache: " + tokenCache + " does not exist yet: run `hunter auth login` (runbook phase 2).");
        }
        out.println();
        return problem;
    }

    /** The file's mode when the group or others have any permission on it; empty when owner-only or not POSIX. */
    private static Optional<String> readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            boolean ownerOnly = permissions.stream().allMatch(p -> p.name().startsWith("OWNER_"));
            return ownerOnly ? Optional.empty() : Optional.of(PosixFilePermissions.toString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
    }
}
