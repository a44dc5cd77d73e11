package io.hunterreferrals.app.logging;

import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.hunterreferrals.app.config.LogFormat;
import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.referral.CustomerProfile;
import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.ReferralSync;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncSettings;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.core.testing.InMemoryCompanyDirectory;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.core.testing.InMemoryReferralStore;
import io.hunterreferrals.core.testing.InMemorySyncRunLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncEventLoggerTest {

    private static final String CANARY_EMAIL = "canary.person@hunter-canary.com.tr";
    private static final String CANARY_NAME = "Canary Çağrı Şahin";

    private final PrintStream originalOut = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        LogSetup.configure(LogFormat.CONSOLE, LogSetup.Target.STDERR, Level.INFO);
    }

    @Test
    void writesTheRunbooksEventsAsJsonLinesWithTheTaskId() {
        String output = runSync(LogFormat.JSON, new InMemoryReferralSource(1).put(referral("r-1"), referral("r-2")));

        List<String> lines = output.lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        assertThat(output)
                .contains(
                        "\"message\":\"partner_center_sync_task_started\"",
                        "\"message\":\"partner_center_sync_started\"",
                        "\"message\":\"partner_center_referrals_fetched\"",
                        "\"message\":\"partner_center_sync_summary\"",
                        "\"message\":\"partner_center_sync_task_completed\"");
        assertThat(output)
                .contains("\"total_count\":2", "\"pages_fetched\":2", "\"success_count\":2", "\"skipped_count\":0");
        assertThat(lines)
                .allSatisfy(
                        line -> assertThat(line).contains("\"task_id\":\"").contains("\"source\":\"partner_center\""));
        assertThat(output).doesNotContain(CANARY_EMAIL).doesNotContain("Çağrı").doesNotContain("canary.person");
    }

    @Test
    void writesReadableLinesOnAConsole() {
        String output = runSync(LogFormat.CONSOLE, new InMemoryReferralSource(10).put(referral("r-1")));

        assertThat(output).containsPattern("INFO  partner_center_sync_summary .*success_count=1");
        assertThat(output).containsPattern("partner_center_referrals_fetched .*total_count=1 pages_fetched=1");
        assertThat(output).doesNotContain(CANARY_EMAIL);
    }

    @Test
    void eachPageEventCarriesTheCountsSoFarWithCreatedAndUpdatedApart() {
        String output = runSync(
                LogFormat.JSON, Level.DEBUG, new InMemoryReferralSource(1).put(referral("r-1"), referral("r-2")));

        List<String> pages = output.lines()
                .filter(line -> line.contains("\"message\":\"partner_center_page_processed\""))
                .toList();
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0))
                .contains(
                        "\"pages_fetched\":1",
                        "\"created_count\":1",
                        "\"updated_count\":0",
                        "\"skipped_count\":0",
                        "\"failure_count\":0");
        assertThat(pages.get(1)).contains("\"pages_fetched\":2", "\"created_count\":2", "\"updated_count\":0");
        assertThat(output).doesNotContain(CANARY_EMAIL).doesNotContain("Çağrı");
    }

    @Test
    void aSignInProblemIsAnAuthErrorEvent() {
        InMemoryReferralSource source = new InMemoryReferralSource(10)
                .put(referral("r-1"))
                .failOnPage(
                        1,
                        new ReferralSourceException(
                                SourceFailure.SIGN_IN_REQUIRED,
                                "The token cache holds no usable sign-in. Run `hunter auth login`.",
                                401,
                                "unauthenticated",
                                "req-7",
                                null));

        String output = runSync(LogFormat.JSON, source);

        assertThat(output)
                .contains(
                        "\"message\":\"partner_center_auth_error\"",
                        "\"error_code\":\"sign_in_required\"",
                        "\"request_id\":\"req-7\"",
                        "hunter auth login");
    }

    private String runSync(LogFormat format, InMemoryReferralSource source) {
        return runSync(format, Level.INFO, source);
    }

    private String runSync(LogFormat format, Level level, InMemoryReferralSource source) {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LogSetup.configure(format, LogSetup.Target.STDOUT, level);
        ReferralSync sync = new ReferralSync(
                source,
                new InMemoryReferralStore(),
                new InMemoryCompanyDirectory(),
                new InMemorySyncRunLog(),
                SyncSettings.DEFAULT,
                new ClassificationRulePcV1(),
                Clock.systemUTC(),
                new SyncEventLogger());
        SyncRunId runId = SyncRunId.random();
        SyncRequest request =
                SyncRequest.of(SyncTrigger.CLI, SyncMode.INCREMENTAL).forQueuedRun(runId);
        SyncTaskLogger.started(runId, request);
        SyncOutcome outcome = sync.sync(request);
        SyncTaskLogger.completed(runId, outcome);
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static io.hunterreferrals.core.referral.Referral referral(String id) {
        return aReferral(id)
                .name(CANARY_NAME + " deal")
                .customer(new CustomerProfile(CANARY_NAME, "TR", null, List.of(CANARY_EMAIL), List.of()))
                .raw("{\"notes\":\"call " + CANARY_EMAIL + "\"}")
                .build();
    }
}
