package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.app.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * README.md documents every setting (with its default) and every exit code exactly as the code defines them; when they
 * disagree this fails and prints the rows to paste.
 */
class ReadmeTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path CI_RUN = Path.of("..", ".ci", "run");

    @Test
    void theConfigurationTableListsEverySettingWithItsDefault() throws IOException {
        String expected = Arrays.stream(Setting.values()).map(ReadmeTest::row).collect(Collectors.joining("\n"));
        assertThat(Files.readString(README))
                .as("README.md's configuration table; expected rows:\n" + expected)
                .contains(expected);
    }

    @Test
    void theExitCodeTableListsEveryExitCode() throws IOException {
        String expected = Arrays.stream(ExitCode.values())
                .map(c -> "| " + c.code() + " | `" + c.name() + "` | " + c.meaning() + " |")
                .collect(Collectors.joining("\n"));
        assertThat(Files.readString(README))
                .as("README.md's exit code table; expected rows:\n" + expected)
                .contains(expected);
    }

    @Test
    void theReadmeShowsTheMainJobAndTheTestCommandCiRuns() throws IOException {
        String ciTestCommand = Files.readAllLines(CI_RUN).stream()
                .map(String::strip)
                .filter(line -> line.startsWith("./mvnw "))
                .reduce((first, last) -> last)
                .orElseThrow();
        assertThat(Files.readString(README)).contains("./hunter server --demo", "./hunter demo", ciTestCommand);
    }

    private static String row(Setting setting) {
        String value = setting.defaultValue();
        String shown = value == null ? "(none)" : value.isEmpty() ? "(empty)" : "`" + value + "`";
        return "| `" + setting.variable() + "` | " + shown + " | " + setting.description()
                + (setting.isSecret() ? " (secret: masked)" : "") + " |";
    }
}
