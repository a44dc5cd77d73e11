package io.hunterreferrals.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.LeadWrite;
import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.simulator.DataverseFault;
import io.hunterreferrals.simulator.DataverseFaultTarget;
import io.hunterreferrals.simulator.DataverseSimulator;
import io.hunterreferrals.simulator.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Throttling, outages, timeouts and token expiry: waited out within the budget, then typed errors. */
class DataverseRetryTest {

    private final SimulatedDataverse dv = SimulatedDataverse.ready();
    private final DataverseLeadDestination destination = dv.clients().leadDestination();

    @AfterEach
    void stop() {
        dv.close();
    }

    private List<RecordedRequest> batches() {
        return dv.sim.journal().toPath(DataverseSimulator.API_PATH + "$batch");
    }

    @Test
    void aThrottledBatchWaitsWhatRetryAfterSaysThenGoesThrough() {
        dv.sim.faults().inject(DataverseFault.tooManyRequests(7).on(DataverseFaultTarget.BATCH));
        int mark = CapturedLogs.mark();

        List<LeadWrite> written = destination.upsert(List.of(Drafts.full("ref-1"), Drafts.full("ref-2")));

        assertThat(written).allMatch(w -> w instanceof LeadWrite.Created);
        assertThat(dv.sleeper.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(batches()).hasSize(2);
        assertThat(CapturedLogs.events("dynamics_rate_limit", mark))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("retry_after=7")
                        .contains("error_code=0x80072322")
                        .contains("http_status=429"));
    }

    @Test
    void throttlingPastTheBudgetEndsAsThrottled() {
        dv.sim
                .faults()
                .inject(DataverseFault.executionTimeExceeded(30)
                        .on(DataverseFaultTarget.BATCH)
                        .times(10));

        assertThatThrownBy(() -> destination.upsert(List.of(Drafts.full("ref-1"))))
                .isInstanceOfSatisfying(LeadDestinationException.class, e -> {
                    assertThat(e.code()).isEqualTo(PushErrorCode.THROTTLED);
                    assertThat(e.httpStatus()).contains(429);
                    assertThat(e.destinationErrorCode()).contains("0x80072321");
                    assertThat(e.requestId()).isPresent();
                });
        assertThat(dv.sleeper.waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void aServiceUnavailableBatchIsRetriedThenUnavailableOnceTheBudgetIsSpent() {
        dv.sim.faults().inject(DataverseFault.serviceUnavailable().on(DataverseFaultTarget.BATCH));
        assertThat(destination.upsert(List.of(Drafts.full("ref-1"))))
                .singleElement()
                .isInstanceOf(LeadWrite.Created.class);

        dv.sim
                .faults()
                .inject(DataverseFault.serviceUnavailable()
                        .on(DataverseFaultTarget.BATCH)
                        .times(10));

        assertThatThrownBy(() -> destination.upsert(List.of(Drafts.full("ref-2"))))
                .isInstanceOfSatisfying(LeadDestinationException.class, e -> {
                    assertThat(e.code()).isEqualTo(PushErrorCode.UNAVAILABLE);
                    assertThat(e.httpStatus()).contains(503);
                    assertThat(e.requestId()).isPresent();
                    assertThat(e.getMessage()).contains("after 3 attempt(s)");
                });
        // 2 batches for the first push, then the 3 attempts of the budget
        assertThat(batches()).hasSize(5);
        assertThat(dv.sleeper.waits).allMatch(w -> w.compareTo(Duration.ofMillis(100)) <= 0);
    }

    @Test
    void onlyTheThrottledLeadsOfABatchGoAgain() {
        dv.sim.faults().inject(DataverseFault.tooManyRequests(4).on(DataverseFaultTarget.BATCH_ITEM));

        List<LeadWrite> written = destination.upsert(List.of(Drafts.full("first"), Drafts.full("second")));

        assertThat(written).extracting(w -> w.referralId().value()).containsExactly("first", "second");
        assertThat(written).allMatch(w -> w instanceof LeadWrite.Created);
        assertThat(dv.sleeper.waits).containsExactly(Duration.ofSeconds(4));
        assertThat(batches()).hasSize(2);
        assertThat(batches().get(1).body()).contains("first").doesNotContain("second");
    }

    @Test
    void aResponseSlowerThanTheTimeoutIsRetriedThenANetworkError() {
        DataverseLeadDestination quick = dv.clients(dv.config().withRequestTimeout(Duration.ofSeconds(1)))
                .leadDestination();
        quick.upsert(List.of(Drafts.full("warm-up")));
        dv.sim.faults().inject(DataverseFault.delay(Duration.ofMillis(2500)).on(DataverseFaultTarget.BATCH));

        assertThat(quick.upsert(List.of(Drafts.full("ref-1")))).singleElement().isInstanceOf(LeadWrite.Created.class);

        dv.sim
                .faults()
                .inject(DataverseFault.delay(Duration.ofMillis(2500))
                        .on(DataverseFaultTarget.BATCH)
                        .times(3));
        assertThatThrownBy(() -> quick.upsert(List.of(Drafts.full("ref-2"))))
                .isInstanceOfSatisfying(LeadDestinationException.class, e -> {
                    assertThat(e.code()).isEqualTo(PushErrorCode.NETWORK_ERROR);
                    assertThat(e.getMessage()).contains("no answer within");
                });
    }

    @Test
    void anExpiredTokenIsReplacedOnceAndThePushGoesOn() {
        destination.upsert(List.of(Drafts.full("ref-1")));
        dv.sim.tokens().expireAllAccessTokens();
        int mark = CapturedLogs.mark();

        List<LeadWrite> written = destination.upsert(List.of(Drafts.full("ref-1")));

        assertThat(written).singleElement().isInstanceOf(LeadWrite.Updated.class);
        assertThat(dv.sim.journal().tokenRequests()).hasSize(2);
        assertThat(dv.sleeper.waits).isEmpty();
        assertThat(CapturedLogs.events("dynamics_token_refreshed", mark)).hasSize(1);
    }

    @Test
    void anIdentityProviderOutageIsRetriedLikeTheWebApi() {
        dv.sim.faults().inject(DataverseFault.serviceUnavailable().on(DataverseFaultTarget.TOKEN));

        assertThat(destination.upsert(List.of(Drafts.full("ref-1"))))
                .singleElement()
                .isInstanceOf(LeadWrite.Created.class);
        assertThat(dv.sim.journal().tokenRequests()).hasSize(2);
    }
}
