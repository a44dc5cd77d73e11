package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.simulator.Canary;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans every captured log line for the simulator's canaries (tokens, device codes, e-mails, names) and extra secrets.
 */
final class NoSecretsInLogs {

    private NoSecretsInLogs() {}

    static void assertClean(String... extraSecrets) {
        List<String> forbidden = new ArrayList<>(List.of(
                Canary.MARKER,
                Canary.ACCESS_TOKEN_PREFIX,
                Canary.REFRESH_TOKEN_PREFIX,
                Canary.DEVICE_CODE_PREFIX,
                Canary.OPERATOR_NAME,
                Canary.CUSTOMER_PHONE));
        for (String s : extraSecrets) {
            if (s != null && !s.isBlank()) {
                forbidden.add(s);
            }
        }
        for (String line : CapturedLogs.lines()) {
            for (String secret : forbidden) {
                assertThat(line)
                        .as("a log line leaks a secret or personal data")
                        .doesNotContain(secret);
            }
        }
    }
}
