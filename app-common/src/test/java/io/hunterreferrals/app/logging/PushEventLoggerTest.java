package io.hunterreferrals.app.logging;

import static io.hunterreferrals.core.testing.PushCandidates.aCandidate;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.hunterreferrals.app.config.LogFormat;
import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.core.push.PushFilter;
import io.hunterreferrals.core.push.PushReferrals;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.push.ReferralWriteBack;
import io.hunterreferrals.core.push.WriteBackResult;
import io.hunterreferrals.core.testing.InMemoryLeadDestination;
import io.hunterreferrals.core.testing.InMemoryPushRunLog;
import io.hunterreferrals.core.testing.InMemoryPushStateStore;
import io.hunterreferrals.core.testing.InMemoryReferralWriteBack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PushEventLoggerTest {

    private final PrintStream originalOut = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final InMemoryLeadDestination destination = new InMemoryLeadDestination(2);
    private final InMemoryPushStateStore store = new InMemoryPushStateStore();
    private final InMemoryReferralWriteBack writeBack = new InMemoryReferralWriteBack();

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        LogSetup.configure(LogFormat.CONSOLE, LogSetup.Target.STDERR, Level.INFO);
    }

    @Test
    void aPushLogsItsStartBatchesAndSummaryWithItsIdAndNoLeadValues() {
        store.put(aCandidate("r-1", 1));
        store.put(aCandidate("r-2", 1));
        store.put(aCandidate("r-3", 1));
        destination.refuse("r-3");

        String output = push();

        assertThat(output.lines())
                .allSatisfy(line ->
                        assertThat(line).startsWith("{").contains("\"destination\":\"dynamics365\"", "\"push_id\":\""));
        assertThat(output)
                .contains(
                        "\"message\":\"dynamics_push_started\"",
                        "\"message\":\"dynamics_push_batch\"",
                        "\"message\":\"dynamics_push_summary\"",
                        "\"status\":\"partial\"",
                        "\"created_count\":2",
                        "\"failed_count\":1");
        assertThat(output).doesNotContain("Ana", "ana@contoso.com", "+49 30", "pilot", "Contoso Ltd");
    }

    @Test
    void theWriteBackLogsEachOutcomeWithCodesAndCountsButNotPartnerCentersMessage() {
        store.put(aCandidate("r-1", 1));
        store.put(aCandidate("r-2", 1));
        writeBack.refuse(
                "r-2",
                new WriteBackResult.Refused(
                        "invalidRequest", "Partner Center said: Contoso Ltd", Optional.of("req-wb"), false));

        String output = push(Optional.of(writeBack));

        assertThat(output)
                .contains(
                        "\"message\":\"dynamics_push_write_back\"",
                        "\"message\":\"dynamics_push_write_back_refused\"",
                        "\"error_code\":\"invalidRequest\"",
                        "\"request_id\":\"req-wb\"",
                        "\"written_back_count\":1",
                        "\"write_back_refused_count\":1",
                        "\"status\":\"success\"");
        assertThat(output).doesNotContain("Partner Center said", "Contoso Ltd");
    }

    @Test
    void aFailedPushSaysWhyWithTheCodesAndTheRequestId() {
        store.put(aCandidate("r-1", 1));
        destination.down(new LeadDestinationException(
                PushErrorCode.PRIVILEGE_MISSING,
                "Give the application user " + "a role that can write leads",
                403,
                "0x80040220",
                "req-7",
                null));

        String output = push();

        assertThat(output)
                .contains(
                        "\"message\":\"dynamics_push_failed\"",
                        "\"error_code\":\"dynamics_privilege_missing\"",
                        "\"dynamics_error_code\":\"0x80040220\"",
                        "\"request_id\":\"req-7\"",
                        "\"http_status\":\"403\"");
    }

    private String push() {
        return push(Optional.empty());
    }

    private String push(Optional<ReferralWriteBack> partnerCenter) {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LogSetup.configure(LogFormat.JSON, LogSetup.Target.STDOUT, Level.DEBUG);
        new PushReferrals(
                        destination,
                        partnerCenter,
                        store,
                        new InMemoryPushRunLog(),
                        PushFilter.ALL,
                        5,
                        new PushEventLogger(),
                        () -> false,
                        Clock.systemUTC())
                .push(PushRequest.of(PushTrigger.CLI));
        return captured.toString(StandardCharsets.UTF_8);
    }
}
