package io.hunterreferrals.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hunterreferrals.simulator.Canary;
import io.hunterreferrals.simulator.DataverseFault;
import io.hunterreferrals.simulator.DataverseFaultTarget;
import io.hunterreferrals.simulator.DataverseTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the paths that log the most (pushes with personal data, refusals, throttling, a wrong secret, token expiry) and
 * scans every captured line, this class's and whatever ran before it in the JVM, for secrets and personal data.
 */
class NoSecretsInLogsTest {

    private static final String WRONG_SECRET = "wrong~secret-hunter-test";

    @Test
    void noTokenSecretEmailNamePhoneOrNoteReachesALog() {
        int mark = CapturedLogs.mark();
        List<String> secrets = new ArrayList<>();
        try (SimulatedDataverse dv = SimulatedDataverse.ready()) {
            secrets.add(dv.sim.clientSecret());
            DataverseLeadDestination destination = dv.clients().leadDestination();
            dv.sim.faults().inject(DataverseFault.tooManyRequests(2).on(DataverseFaultTarget.BATCH_ITEM));
            destination.upsert(List.of(Drafts.full("pii-1"), Drafts.withSubject("pii-2", "s".repeat(400))));
            dv.sim.tokens().expireAllAccessTokens();
            destination.upsert(List.of(Drafts.full("pii-1"), Drafts.withCurrency("pii-3", "XYZ")));
            dv.sim.faults().inject(DataverseFault.missingApplicationUser());
            catchThrowable(() -> destination.upsert(List.of(Drafts.full("pii-4"))));
            catchThrowable(() -> dv.clients(dv.config(new DataverseCredential.ClientSecret(WRONG_SECRET)))
                    .leadDestination()
                    .upsert(List.of(Drafts.full("pii-5"))));
            dv.clients().setup().check();
        }
        assertThat(CapturedLogs.events("dynamics_rate_limit", mark)).isNotEmpty();
        assertThat(CapturedLogs.events("dynamics_lead_rejected", mark)).isNotEmpty();

        List<String> forbidden = new ArrayList<>(List.of(
                DataverseTokens.ACCESS_TOKEN_PREFIX,
                Canary.MARKER,
                Canary.CUSTOMER_PHONE,
                Drafts.FIRST_NAME,
                Drafts.LAST_NAME,
                Drafts.NOTES,
                WRONG_SECRET,
                "Bearer "));
        forbidden.addAll(secrets);
        for (String line : CapturedLogs.lines()) {
            for (String secret : forbidden) {
                assertThat(line)
                        .as("a log line leaks a secret or personal data")
                        .doesNotContain(secret);
            }
        }
    }
}
