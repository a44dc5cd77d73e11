package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hunterreferrals.app.config.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/systemd/hunter@.service, the plain-Java alternative to the containers: systemd's own parser accepts it with no
 * warning (an unknown key or a bad value is only a warning to systemd, so any output fails here), and it keeps the
 * promises docs/deployment.md makes (user, settings files, 60 s SIGTERM grace, hardening, the writable folders).
 */
class SystemdUnitsTest {

    private static final Path UNIT = Path.of("..", "deploy", "systemd", "hunter@.service");
    private static final String JAVA = "/opt/hunter/jre/bin/java";

    @TempDir
    Path temp;

    @Test
    void systemdAnalyzeVerifiesEveryRoleWithoutAWord() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        // verify insists that ExecStart's program exists: point it at the JVM running this test, nothing else changes
        String javaHere = ProcessHandle.current().info().command().orElseThrow();
        String unit = Files.readString(UNIT);
        assertThat(unit).contains("ExecStart=" + JAVA + " ");
        Files.writeString(temp.resolve("hunter@.service"), unit.replace(JAVA, javaHere));
        for (String role : List.of("api", "worker", "all")) {
            Path instance = temp.resolve("hunter@" + role + ".service");
            Files.createSymbolicLink(instance, temp.resolve("hunter@.service"));
            Process verify = new ProcessBuilder(analyze.toString(), "verify", instance.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(output)
                    .as("systemd-analyze verify hunter@%s.service", role)
                    .isEmpty();
            assertThat(verify.exitValue()).isZero();
        }
    }

    @Test
    void theUnitRunsAsHunterWithTheGraceAndTheHardeningTheDocsPromise() throws IOException {
        Map<String, List<String>> service = section(Files.readAllLines(UNIT), "Service");
        assertThat(service.get("User")).containsExactly("hunter");
        assertThat(service.get("EnvironmentFile"))
                .containsExactly("/etc/hunter/hunter.env", "-/etc/hunter/hunter-%i.env");
        assertThat(service.get("KillSignal")).containsExactly("SIGTERM");
        assertThat(service.get("TimeoutStopSec")).containsExactly("60");
        assertThat(service.get("SuccessExitStatus"))
                .as("the JVM's exit status after SIGTERM")
                .containsExactly("143");
        assertThat(service.get("NoNewPrivileges")).containsExactly("yes");
        assertThat(service.get("ProtectSystem")).containsExactly("strict");
        assertThat(service.get("PrivateTmp")).containsExactly("yes");
        assertThat(service.get("ReadWritePaths")).containsExactly("/var/lib/hunter");
        assertThat(service.get("StateDirectory")).containsExactly("hunter hunter/data hunter/token hunter/backups");
        assertThat(service.get("UMask")).containsExactly("0077");
        assertThat(service.get("ExecStart")).singleElement().asString().endsWith("server --role %i");
        assertThat(service).doesNotContainKey("MemoryDenyWriteExecute");
    }

    @Test
    void theEnvFileExampleUsesTheUnitsFoldersAndOnlyKnownSettings() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "deploy", "systemd", "hunter.env.example"));
        List<String> keys = lines.stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf('=')))
                .toList();
        List<String> known =
                Arrays.stream(Setting.values()).map(Setting::variable).toList();
        assertThat(known).containsAll(keys);
        assertThat(lines)
                .contains(
                        "HUNTER_ENVIRONMENT=production",
                        "HUNTER_PARTNER_CENTER_TOKEN_CACHE_PATH=/var/lib/hunter/token/token_cache");
    }

    /** key -> values of one [section] of a unit file (a key may repeat). */
    private static Map<String, List<String>> section(List<String> lines, String name) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String current = null;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[")) {
                current = trimmed.substring(1, trimmed.length() - 1);
            } else if (name.equals(current) && !trimmed.isEmpty() && !trimmed.startsWith("#")) {
                int eq = trimmed.indexOf('=');
                keys.computeIfAbsent(trimmed.substring(0, eq), k -> new ArrayList<>())
                        .add(trimmed.substring(eq + 1));
            }
        }
        return keys;
    }
}
