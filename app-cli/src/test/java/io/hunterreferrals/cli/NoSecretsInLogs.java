package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.simulator.Canary;

/** The simulator's canaries (tokens, device codes, e-mails, names, phones) must never reach a log line. */
final class NoSecretsInLogs {

    private NoSecretsInLogs() {}

    static void assertClean(CharSequence logs) {
        assertThat(logs.toString())
                .doesNotContain(Canary.MARKER)
                .doesNotContain(Canary.OPERATOR_EMAIL)
                .doesNotContain(Canary.OPERATOR_NAME)
                .doesNotContain(Canary.CUSTOMER_EMAIL)
                .doesNotContain(Canary.CUSTOMER_PHONE)
                .doesNotContain(Canary.ACCESS_TOKEN_PREFIX)
                .doesNotContain(Canary.REFRESH_TOKEN_PREFIX)
                .doesNotContain(Canary.DEVICE_CODE_PREFIX);
    }
}
