package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --help on every command, --version, and the completion script. */
class HelpTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandHasHelp() {
        Cli cli = new Cli(dir);
        List<List<String>> paths = new ArrayList<>();
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        CliContext context = new CliContext(
                Map.of(),
                dir,
                sink,
                sink,
                false,
                OutputStream.nullOutputStream(),
                Optional.empty(),
                ProcessLauncher.INHERIT_IO);
        collect(HunterCommand.commandLine(context), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(15);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Cli.Result result = cli.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(result.out()).as(String.join(" ", args)).contains("Usage: hunter");
        }
    }

    @Test
    void theHelpListsEveryExitCode() {
        String help = new Cli(dir).run("--help").out().replaceAll("\\s+", " ");
        for (ExitCode code : ExitCode.values()) {
            assertThat(help)
                    .contains(code.code() + " "
                            + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
    }

    @Test
    void versionAndCompletion() {
        Cli cli = new Cli(dir);
        assertThat(cli.run("--version").out())
                .startsWith("hunter ")
                .containsPattern("\\(commit [0-9a-f]{12}(-dirty)?\\)");
        Cli.Result completion = cli.run("completion");
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.out()).contains("complete -F", "referrals", "--dry-run");
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, paths);
        });
    }
}
