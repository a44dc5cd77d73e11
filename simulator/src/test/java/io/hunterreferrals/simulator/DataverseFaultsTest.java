package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each Dataverse fault: status, error code, Retry-After, how many times, and which requests it hits. */
class DataverseFaultsTest {

    private static DataverseSimulator sim;
    private static DataverseClient api;

    @BeforeAll
    static void start() {
        sim = DataverseSimulator.builder().build().start();
        api = new DataverseClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.faults().clear();
        sim.reset();
    }

    private static String code(Http.Response r) {
        return r.json().path("error").path("code").asText();
    }

    @Test
    void serviceProtectionLimitsAre429WithRetryAfterForTheNextNCalls() {
        sim.faults().inject(DataverseFault.tooManyRequests(7).times(2));

        Http.Response first = api.get("WhoAmI");
        Http.Response second = api.upsert("f-1", "{}");
        Http.Response third = api.get("WhoAmI");

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.header("Retry-After")).isEqualTo("7");
        assertThat(code(first)).isEqualTo("0x80072322");
        assertThat(first.json().path("error").path("message").asText())
                .isEqualTo("Number of requests exceeded the limit of 6000 over time window of 300 seconds.");
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
        assertThat(sim.leads().size()).isZero();

        sim.faults().inject(DataverseFault.executionTimeExceeded(30));
        sim.faults().inject(DataverseFault.tooManyConcurrentRequests(1));
        assertThat(code(api.get("WhoAmI"))).isEqualTo("0x80072321");
        assertThat(code(api.get("WhoAmI"))).isEqualTo("0x80072326");
        assertThat(sim.faults().pending()).isEmpty();
    }

    @Test
    void forbiddenDuplicateAndUnavailable() {
        sim.faults().inject(DataverseFault.missingApplicationUser());
        sim.faults().inject(DataverseFault.missingPrivilege());
        sim.faults().inject(DataverseFault.duplicateDetected());
        sim.faults().inject(DataverseFault.serviceUnavailable().retryAfter(3));

        Http.Response user = api.get("WhoAmI");
        Http.Response privilege = api.get("WhoAmI");
        Http.Response duplicate = api.upsert("f-2", "{}");
        Http.Response unavailable = api.get("WhoAmI");

        assertThat(user.status()).isEqualTo(403);
        assertThat(user.json().path("error").path("message").asText())
                .isEqualTo("The user is not a member of the organization.");
        assertThat(code(user)).isEqualTo("0x80072560");
        assertThat(privilege.status()).isEqualTo(403);
        assertThat(code(privilege)).isEqualTo("0x80040220");
        assertThat(duplicate.status()).isEqualTo(500);
        assertThat(code(duplicate)).isEqualTo("0x80040333");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isEqualTo("3");
        assertThat(sim.faults().firedCount()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aFaultHitsOnlyItsTarget() {
        sim.faults().inject(DataverseFault.missingPrivilege().on(DataverseFaultTarget.METADATA));

        assertThat(api.get("WhoAmI").status()).isEqualTo(200);
        assertThat(api.upsert("f-3", "{}").status()).isEqualTo(204);
        assertThat(api.get("EntityDefinitions(LogicalName='lead')/Keys").status())
                .isEqualTo(403);
        assertThat(api.get("EntityDefinitions(LogicalName='lead')/Keys").status())
                .isEqualTo(200);
    }

    @Test
    void tokenEndpointFaults() {
        sim.faults()
                .inject(DataverseFault.serviceUnavailable()
                        .on(DataverseFaultTarget.TOKEN)
                        .retryAfter(2));
        sim.faults().inject(DataverseFault.expiredClientSecret());

        Http.Response unavailable = DataverseClient.tokenRequest(sim, DataverseClient.secretGrant(sim));
        Http.Response expired = DataverseClient.tokenRequest(sim, DataverseClient.secretGrant(sim));
        Http.Response fine = DataverseClient.tokenRequest(sim, DataverseClient.secretGrant(sim));

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isEqualTo("2");
        assertThat(unavailable.json().path("error").asText()).isEqualTo("temporarily_unavailable");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("error_codes").get(0).asInt()).isEqualTo(7000222);
        assertThat(fine.status()).isEqualTo(200);
        assertThat(api.get("WhoAmI").status()).isEqualTo(200);
    }

    @Test
    void aDelayHoldsTheResponseBack() {
        sim.faults().inject(DataverseFault.delay(Duration.ofMillis(400)).on(DataverseFaultTarget.WHO_AM_I));

        long started = System.nanoTime();
        Http.Response r = api.get("WhoAmI");

        assertThat(r.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void faultsOnAWholeBatchOrOnOneOfItsItems() {
        String head = "--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n";
        String json = " HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{}\r\n";
        String batch = head + "PATCH leads(hnt_partnercenterreferralid='f-4')" + json
                + head + "PATCH leads(hnt_partnercenterreferralid='f-5')" + json
                + "--b--\r\n";
        sim.faults().inject(DataverseFault.tooManyRequests(4).on(DataverseFaultTarget.BATCH));

        Http.Response whole = api.batch("b", batch);
        assertThat(whole.status()).isEqualTo(429);
        assertThat(whole.header("Retry-After")).isEqualTo("4");
        assertThat(sim.leads().size()).isZero();

        sim.faults().inject(DataverseFault.tooManyRequests(5).on(DataverseFaultTarget.BATCH_ITEM));
        Http.Response item = api.batch("b", batch, "Prefer", "odata.continue-on-error");
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.body())
                .contains("HTTP/1.1 429 Too Many Requests\r\n")
                .contains("Retry-After: 5\r\n")
                .contains("0x80072322")
                .contains("HTTP/1.1 204 No Content\r\n");
        assertThat(sim.leads().byReferralId("f-4")).isEmpty();
        assertThat(sim.leads().byReferralId("f-5")).isPresent();

        sim.faults().inject(DataverseFault.duplicateDetected().on(DataverseFaultTarget.BATCH_ITEM));
        Http.Response stopped = api.batch("b", batch);
        assertThat(stopped.status()).isEqualTo(500);
        assertThat(stopped.body()).contains("0x80040333");
    }

    @Test
    void faultsThatCannotHitATargetAreRefused() {
        assertThatThrownBy(() -> DataverseFault.missingPrivilege().on(DataverseFaultTarget.TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataverseFault.expiredClientSecret().on(DataverseFaultTarget.UPSERT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sim.faults().pending()).isEmpty();
    }
}
