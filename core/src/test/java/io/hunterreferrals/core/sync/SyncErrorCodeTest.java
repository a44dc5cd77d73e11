package io.hunterreferrals.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyncErrorCodeTest {

    @Test
    void everyCodeIsUniqueSnakeCaseTextThatReadsBackToItsConstant() {
        assertThat(Arrays.stream(SyncErrorCode.values()).map(SyncErrorCode::code))
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z]+(_[a-z]+)*"));
        for (SyncErrorCode code : SyncErrorCode.values()) {
            assertThat(SyncErrorCode.fromCode(code.code())).contains(code);
        }
        assertThat(SyncErrorCode.fromCode("renamed_in_a_later_version")).isEmpty();
    }

    @Test
    void theCodesStoredBeforeTheTypeWasClosedAreStillRead() {
        // sync_runs rows written by earlier versions hold these texts; renaming one would turn history into
        // "unrecognised".
        assertThat(Arrays.stream(SyncErrorCode.values()).map(SyncErrorCode::code))
                .contains(
                        "sign_in_required",
                        "forbidden",
                        "throttled",
                        "partner_center_unavailable",
                        "network_error",
                        "malformed_page",
                        "paging_aborted",
                        "request_rejected",
                        "configuration_invalid",
                        "database_unavailable",
                        "internal_error",
                        "interrupted",
                        "abandoned",
                        "dispatch_failed",
                        "not_dispatched",
                        "partner_center_disabled");
    }

    @Test
    void eachSourceFailureEndsTheRunWithItsOwnCode() {
        assertThat(Arrays.stream(SourceFailure.values()).map(SourceFailure::code))
                .doesNotHaveDuplicates()
                .doesNotContain(SyncErrorCode.UNRECOGNISED, SyncErrorCode.INTERNAL_ERROR);
    }
}
