package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncErrorCode;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way a run can fail gives `hunter sync` a deliberate exit code, and the error code is shown as stored. */
class SyncFailureExitCodeTest {

    @ParameterizedTest
    @EnumSource(SyncErrorCode.class)
    void everyErrorCodeHasItsExitCode(SyncErrorCode code) {
        CliException e = SyncRun.failure(
                new SyncError(code, "what happened", Optional.of(503), Optional.of("PC-1"), Optional.of("req-9")));

        assertThat(e.errorCode()).isEqualTo(code.code());
        ExitCode expected = switch (code) {
            case SIGN_IN_REQUIRED -> ExitCode.SIGN_IN_REQUIRED;
            case CONFIGURATION_INVALID -> ExitCode.CONFIG_INVALID;
            case DATABASE_UNAVAILABLE -> ExitCode.DATABASE_ERROR;
            case INTERRUPTED -> ExitCode.INTERRUPTED;
            case FORBIDDEN,
                    THROTTLED,
                    PARTNER_CENTER_UNAVAILABLE,
                    NETWORK_ERROR,
                    MALFORMED_PAGE,
                    PAGING_ABORTED,
                    REQUEST_REJECTED -> ExitCode.PARTNER_CENTER_ERROR;
            case INTERNAL_ERROR, ABANDONED, DISPATCH_FAILED, NOT_DISPATCHED, PARTNER_CENTER_DISABLED, UNRECOGNISED ->
                ExitCode.INTERNAL_ERROR;
        };
        assertThat(e.exitCode()).isEqualTo(expected);
        if (expected == ExitCode.PARTNER_CENTER_ERROR) {
            // What a support case needs, in the operator's message.
            assertThat(e.getMessage()).contains("HTTP status 503", "error code PC-1", "request id req-9");
        } else {
            assertThat(e.getMessage()).doesNotContain("Partner Center error");
        }
    }
}
