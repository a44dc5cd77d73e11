package io.hunterreferrals.postgres.backup;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the PostgreSQL client programs of one major version. A {@code pg_dump} must be the server's major: an older one
 * refuses to dump, a newer one writes statements the older server cannot restore (pg_dump 17 emits {@code SET
 * transaction_timeout}). Debian and Ubuntu install each major's clients in {@code /usr/lib/postgresql/<major>/bin}, and
 * {@code /usr/bin/pg_dump} is a wrapper that picks one; so that folder is tried first, then every folder of
 * {@code PATH}.
 */
public final class PgClientTools {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(?:\\.(\\d+))?");

    private final Map<String, String> environment;
    private final Path debianRoot;

    /**
     * @param environment the process environment, for {@code PATH}
     * @param debianRoot where Debian keeps the per-major folders, {@code /usr/lib/postgresql} (tests pass another)
     */
    public PgClientTools(Map<String, String> environment, Path debianRoot) {
        this.environment = Map.copyOf(environment);
        this.debianRoot = debianRoot;
    }

    public static PgClientTools system() {
        return new PgClientTools(System.getenv(), Path.of("/usr/lib/postgresql"));
    }

    /**
     * @throws BackupException ({@link BackupException.Reason#CLIENT_MISSING}) naming what was found and the package to
     *     install
     */
    public Path find(String program, int major) {
        List<String> found = new ArrayList<>();
        for (Path candidate : candidates(program, major)) {
            Optional<Integer> version = majorOf(candidate);
            if (version.isPresent() && version.get() == major) {
                return candidate;
            }
            found.add(candidate + " (" + version.map(v -> "PostgreSQL " + v).orElse("version unknown") + ")");
        }
        throw new BackupException(
                BackupException.Reason.CLIENT_MISSING,
                program + " of PostgreSQL " + major
                        + " is needed (the server is PostgreSQL " + major + "), but "
                        + (found.isEmpty()
                                ? "no " + program + " is installed"
                                : "only " + String.join(", ", found) + " is installed")
                        + ". Install it: `apt-get install -y postgresql-client-" + major
                        + "` (Debian 12 carries 15 only; other "
                        + "majors come from https://apt.postgresql.org), then run the command again. Nothing "
                        + "was written.");
    }

    private Set<Path> candidates(String program, int major) {
        Set<Path> candidates = new LinkedHashSet<>();
        Path debian = debianRoot.resolve(Integer.toString(major)).resolve("bin").resolve(program);
        if (Files.isExecutable(debian)) {
            candidates.add(debian);
        }
        candidates.addAll(onPath(environment, program));
        return candidates;
    }

    /** Every executable {@code program} in the folders of {@code PATH}, in their order. */
    public static List<Path> onPath(Map<String, String> environment, String program) {
        List<Path> found = new ArrayList<>();
        for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                found.add(Path.of(dir, program));
            }
        }
        return found;
    }

    static Optional<Integer> majorOf(Path program) {
        try {
            ExternalProcess.Result result = ExternalProcess.run(
                    List.of(program.toString(), "--version"), Map.of(), null, java.time.Duration.ofSeconds(10));
            return parseMajor(result.output());
        } catch (BackupException e) {
            return Optional.empty();
        }
    }

    static Optional<Integer> parseMajor(String versionLine) {
        Matcher m = VERSION.matcher(versionLine);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
