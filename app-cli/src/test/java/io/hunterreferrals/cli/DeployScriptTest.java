package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/deploy-production.sh run for real by bash, with docker, podman, podman-compose and curl replaced by a
 * recording fake (src/test/resources/deploy/fake-engine.sh) first on the PATH: the guard, a dry run that changes
 * nothing, a deploy that takes its steps in order, a rollback when the new image never gets ready. No container engine
 * is needed; each case takes well under a second, the rollback about two.
 */
class DeployScriptTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPT = REPO.resolve("scripts/deploy-production.sh");
    private static final String NEW_IMAGE = "localhost/hunter:new";
    private static final String BACKUP = "/var/lib/hunter/backups/backup_pre_deploy_20261203_120000.sql";

    @TempDir
    Path temp;

    private Path bin;
    private Path log;
    private Path state;
    private Path deployDir;
    private Path imageTar;

    @BeforeEach
    void fakes() throws IOException, InterruptedException {
        bin = Files.createDirectories(temp.resolve("bin"));
        state = Files.createDirectories(temp.resolve("state"));
        log = temp.resolve("calls.log");
        Path fake = bin.resolve("fake-engine");
        try (InputStream in = DeployScriptTest.class.getResourceAsStream("/deploy/fake-engine.sh")) {
            Files.write(fake, in.readAllBytes());
        }
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String tool : List.of("docker", "podman", "podman-compose", "curl")) {
            Files.createSymbolicLink(bin.resolve(tool), fake);
        }
        deployDir = Files.createDirectories(temp.resolve("deploy"));
        Files.copy(REPO.resolve("compose.yaml"), deployDir.resolve("compose.yaml"));
        Files.writeString(deployDir.resolve(".env"), "POSTGRES_PASSWORD=not-a-real-one\n");
        // what `docker save` writes, as far as the script reads it: manifest.json with the image's name
        Path image = Files.createDirectories(temp.resolve("image"));
        Files.writeString(
                image.resolve("manifest.json"),
                "[{\"Config\":\"abc.json\",\"RepoTags\":[\"" + NEW_IMAGE + "\"],\"Layers\":[]}]");
        imageTar = temp.resolve("hunter-new.tar");
        Process tar = new ProcessBuilder("tar", "-cf", imageTar.toString(), "-C", image.toString(), "manifest.json")
                .inheritIO()
                .start();
        assertThat(tar.waitFor()).isZero();
    }

    @Test
    void refusesWithoutBothGuardVariablesAndRunsNothing() throws Exception {
        for (Map<String, String> guard : List.of(
                Map.<String, String>of(),
                Map.of("ENVIRONMENT", "production"),
                Map.of("FORCE_PRODUCTION", "yes"),
                Map.of("ENVIRONMENT", "staging", "FORCE_PRODUCTION", "yes"),
                Map.of("ENVIRONMENT", "production", "FORCE_PRODUCTION", "YES"))) {
            Result result = run(guard, "--dry-run");
            assertThat(result.exit()).as("exit code with %s", guard).isEqualTo(3);
            assertThat(result.stderr())
                    .contains("refused", "ENVIRONMENT=production FORCE_PRODUCTION=yes", "Nothing was done");
            assertThat(calls()).as("tools invoked with %s", guard).isEmpty();
        }
    }

    @Test
    void theRunbooksLiteralNameIsTheSameScript() throws IOException {
        Path runbookName = REPO.resolve("scripts/deploy_production.sh");
        assertThat(Files.isSymbolicLink(runbookName)).isTrue();
        assertThat(runbookName.toRealPath()).isEqualTo(SCRIPT.toRealPath());
    }

    @Test
    void aDryRunPrintsEveryStepAndChangesNothing() throws Exception {
        List<String> repoBefore = repoStatus();
        List<Path> deployBefore = files(deployDir);

        Result result = deploy(Map.of("IMAGE_TAG", "abc123"), "--dry-run");

        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains(
                        "DRY RUN",
                        "step 1: build the new image localhost/hunter:abc123",
                        "container-image.sh --tag localhost/hunter:abc123",
                        "run --rm -T -e HUNTER_ENVIRONMENT=production api config check",
                        "up -d postgres",
                        "run --rm -T api db backup --dir /var/lib/hunter/backups --label pre_deploy",
                        "run --rm -T api db migrate --dry-run",
                        "docker tag sha256:0ld localhost/hunter:previous",
                        "run --rm -T api db migrate\n",
                        "docker tag localhost/hunter:abc123 localhost/hunter:current",
                        "up -d --no-deps --force-recreate worker",
                        "up -d --no-deps --force-recreate api",
                        "curl -fsS http://127.0.0.1:8000/healthz",
                        "nothing was changed");
        // only look-ups ran: which compose, which image the api runs; nothing built, loaded, tagged or restarted
        assertThat(calls())
                .isNotEmpty()
                .allSatisfy(call -> assertThat(call)
                        .matches("docker (compose version|ps -a -q --filter .*|inspect -f \\{\\{\\.Image}} c0ffee)"));
        assertThat(files(state)).as("tags written by the fake").isEmpty();
        assertThat(files(deployDir)).isEqualTo(deployBefore);
        assertThat(repoStatus()).as("git status of the repository").isEqualTo(repoBefore);
    }

    @Test
    void aDryRunWithAnImageTarNamesTheImageWithoutLoadingIt() throws Exception {
        Result result = deploy(Map.of(), "--dry-run", "--image-tar", imageTar.toString());

        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains(
                        "+ docker load -i " + imageTar,
                        "new image: " + NEW_IMAGE,
                        "HUNTER_IMAGE=" + NEW_IMAGE + " docker compose -p hunter -f compose.yaml run --rm -T");
        assertThat(calls()).noneMatch(call -> call.startsWith("docker load"));
    }

    @Test
    void aDeployTakesTheStepsInOrderOnTheNewImage() throws Exception {
        Result result = deploy(Map.of(), "--image-tar", imageTar.toString());

        assertThat(result.exit()).as(result.stdout() + result.stderr()).isZero();
        String compose = "docker compose -p hunter -f compose.yaml ";
        String oneOff = "HUNTER_IMAGE=" + NEW_IMAGE + " " + compose + "run --rm -T ";
        assertThat(calls())
                .containsSubsequence(
                        "docker load -i " + imageTar,
                        oneOff + "-e HUNTER_ENVIRONMENT=production api config check",
                        compose + "up -d postgres",
                        oneOff + "api db backup --dir /var/lib/hunter/backups --label pre_deploy",
                        oneOff + "api db migrate --dry-run",
                        "docker tag sha256:0ld localhost/hunter:previous",
                        oneOff + "api db migrate",
                        "docker tag " + NEW_IMAGE + " localhost/hunter:current",
                        compose + "up -d --no-deps --force-recreate worker",
                        compose + "exec -T worker hunter-healthcheck",
                        compose + "up -d --no-deps --force-recreate api",
                        compose + "exec -T api hunter-healthcheck",
                        "curl -fsS -o /dev/null --max-time 5 http://127.0.0.1:8000/healthz/ready",
                        "curl -fsS --max-time 10 http://127.0.0.1:8000/healthz");
        assertThat(result.stdout())
                .contains(
                        "Backup valid",
                        "Pending migrations",
                        "\"partner_center_enabled\":true",
                        "deploy: done",
                        "backup: " + BACKUP);
        assertThat(Files.readString(state.resolve("current")).strip()).isEqualTo(NEW_IMAGE);
    }

    @Test
    void aNewImageThatNeverGetsReadyIsRolledBackAndTheRestoreIsExplained() throws Exception {
        Result result =
                deploy(Map.of("FAKE_NEW_HEALTHY", "no", "HEALTH_TIMEOUT", "1"), "--image-tar", imageTar.toString());

        assertThat(result.exit()).isEqualTo(1);
        String compose = "docker compose -p hunter -f compose.yaml ";
        List<String> calls = calls();
        assertThat(calls)
                .containsSubsequence(
                        "docker tag " + NEW_IMAGE + " localhost/hunter:current",
                        compose + "up -d --no-deps --force-recreate worker",
                        compose + "exec -T worker hunter-healthcheck",
                        "docker tag localhost/hunter:previous localhost/hunter:current",
                        compose + "up -d --no-deps --force-recreate worker",
                        compose + "up -d --no-deps --force-recreate api");
        // the api was never moved onto the failing image: its only recreate comes after the rollback's tag
        assertThat(calls.indexOf(compose + "up -d --no-deps --force-recreate api"))
                .isGreaterThan(calls.indexOf("docker tag localhost/hunter:previous localhost/hunter:current"));
        assertThat(Files.readString(state.resolve("current")).strip()).isEqualTo("sha256:0ld");
        assertThat(result.stdout())
                .contains(
                        "ROLLBACK",
                        "back on the previous image (sha256:0ld)",
                        compose + "run --rm api db restore " + BACKUP + " --yes");
    }

    @Test
    void aFailingConfigurationCheckStopsBeforeTheBackup() throws Exception {
        Result result = deploy(Map.of("FAKE_CONFIG_RC", "5"), "--image-tar", imageTar.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.stderr()).contains("production rules", "Nothing was changed");
        assertThat(calls())
                .noneMatch(call -> call.contains("db backup")
                        || call.contains("db migrate")
                        || call.startsWith("docker tag")
                        || call.contains(" up -d"));
    }

    @Test
    void withPodmanComposeEachRoleIsStoppedWithTheGraceRemovedAndStartedAgain() throws Exception {
        Result result = deploy(Map.of("COMPOSE", "podman-compose"), "--image-tar", imageTar.toString());

        assertThat(result.exit()).as(result.stdout() + result.stderr()).isZero();
        String compose = "podman-compose -p hunter -f compose.yaml --podman-run-args=--stop-timeout=60 ";
        assertThat(calls())
                .containsSubsequence(
                        "podman load -i " + imageTar,
                        "podman tag " + NEW_IMAGE + " localhost/hunter:current",
                        compose + "stop -t 60 worker",
                        "podman rm c0ffee",
                        compose + "up -d worker",
                        compose + "exec -T worker hunter-healthcheck",
                        compose + "stop -t 60 api",
                        "podman rm c0ffee",
                        compose + "up -d api");
    }

    @Test
    void withPodmanComposeAFailingCheckStopsTheDeployThoughPodmanComposeItselfExitsZero() throws Exception {
        // podman-compose 1.0.3 exits 0 after a failed `run` and prints "exit code: N"; the fake does the same
        Result result =
                deploy(Map.of("COMPOSE", "podman-compose", "FAKE_CONFIG_RC", "5"), "--image-tar", imageTar.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.stdout()).contains("exit code: 5");
        assertThat(calls()).noneMatch(call -> call.contains("db backup") || call.contains(" up -d"));
    }

    @Test
    void withPodmanComposeANewImageThatNeverGetsReadyIsRolledBack() throws Exception {
        Result result = deploy(
                Map.of("COMPOSE", "podman-compose", "FAKE_NEW_HEALTHY", "no", "HEALTH_TIMEOUT", "1"),
                "--image-tar",
                imageTar.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(calls()).contains("podman tag localhost/hunter:previous localhost/hunter:current");
        assertThat(result.stdout()).contains("ROLLBACK", "back on the previous image");
    }

    @Test
    void theProjectNameComesFromDotEnvAsPlainComposeCommandsThereWouldSeeIt() throws Exception {
        Files.writeString(deployDir.resolve(".env"), "COMPOSE_PROJECT_NAME=prod\nPOSTGRES_PASSWORD=x\n");

        Result result = deploy(Map.of(), "--dry-run", "--image-tar", imageTar.toString());

        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("project prod", "docker compose -p prod -f compose.yaml up -d postgres");
    }

    @Test
    void aFirstDeployHasNoRollbackTargetAndSaysSo() throws Exception {
        Result result = deploy(Map.of("FAKE_RUNNING", "no"), "--image-tar", imageTar.toString());

        assertThat(result.exit()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdout()).contains("first deploy): no rollback target");
        assertThat(calls()).noneMatch(call -> call.endsWith("localhost/hunter:previous"));
    }

    private record Result(int exit, String stdout, String stderr) {}

    /** The script as an operator runs it: both guard variables set, plus {@code extraEnv}. */
    private Result deploy(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(Map.of("ENVIRONMENT", "production", "FORCE_PRODUCTION", "yes"));
        env.putAll(extraEnv);
        return run(env, args);
    }

    private Result run(Map<String, String> scriptEnv, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
        Map<String, String> env = builder.environment();
        // only what the script is meant to see: no COMPOSE, ENGINE or guard variables from the developer's shell
        env.clear();
        env.putAll(Map.of(
                "PATH",
                bin + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME",
                temp.toString(),
                "FAKE_LOG",
                log.toString(),
                "FAKE_STATE",
                state.toString(),
                "FAKE_NEW_IMAGE",
                NEW_IMAGE,
                "HUNTER_DEPLOY_DIR",
                deployDir.toString(),
                "HEALTH_POLL",
                "0.1"));
        env.putAll(scriptEnv);
        Path out = temp.resolve("stdout.txt");
        Path err = temp.resolve("stderr.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("the script finished within 30 s")
                .isTrue();
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<String> repoStatus() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "-C", REPO.toString(), "status", "--porcelain", "--ignored")
                .redirectErrorStream(true)
                .start();
        List<String> lines = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.contains("target/"))
                .toList();
        git.waitFor();
        return lines;
    }
}
