package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The operator runbook exists in English and in Turkish (the operators' language). They must stay in step: the same
 * headings at the same levels, the same number of table rows under each, and the same commands in each section, so a
 * step added to one and forgotten in the other fails here.
 */
class OperatorRunbookTranslationTest {

    private static final Path ENGLISH = Path.of("..", "docs", "operator-runbook.md");
    private static final Path TURKISH = Path.of("..", "docs", "operator-runbook.tr.md");
    private static final Pattern COMMAND =
            Pattern.compile("`((?:\\./)?hunter [^`]+|scripts/[^`]+|docker compose [^`]+)`");

    /** One heading and what follows it up to the next heading. */
    private record Section(int level, int tableRows, List<String> commands) {}

    @Test
    void bothLanguagesHaveTheSameSectionsRowsAndCommands() throws IOException {
        List<Section> english = sections(ENGLISH);
        List<Section> turkish = sections(TURKISH);

        assertThat(turkish)
                .extracting(Section::level)
                .as("heading levels, in order")
                .containsExactlyElementsOf(english.stream().map(Section::level).toList());
        assertThat(turkish)
                .extracting(Section::tableRows)
                .as("table rows per section")
                .containsExactlyElementsOf(
                        english.stream().map(Section::tableRows).toList());
        for (int i = 0; i < english.size(); i++) {
            assertThat(turkish.get(i).commands())
                    .as("commands of section " + (i + 1))
                    .containsExactlyInAnyOrderElementsOf(english.get(i).commands());
        }
    }

    private static List<Section> sections(Path file) throws IOException {
        List<Section> sections = new ArrayList<>();
        int level = 0;
        int rows = 0;
        List<String> commands = new ArrayList<>();
        boolean started = false;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#")) {
                if (started) {
                    sections.add(new Section(level, rows, commands));
                }
                started = true;
                level = line.indexOf(' ');
                rows = 0;
                commands = new ArrayList<>();
            } else if (line.startsWith("|") && !line.startsWith("|---")) {
                rows++;
            }
            Matcher m = COMMAND.matcher(line);
            while (m.find()) {
                commands.add(m.group(1));
            }
        }
        sections.add(new Section(level, rows, commands));
        return sections;
    }
}
