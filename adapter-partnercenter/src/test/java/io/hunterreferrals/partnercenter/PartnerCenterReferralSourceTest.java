package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.referral.Direction;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.sync.ReferralSource.PageCursor;
import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.core.sync.SourcePage;
import io.hunterreferrals.core.sync.SourceQuery;
import io.hunterreferrals.core.sync.SourceRecord;
import io.hunterreferrals.simulator.Fault;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import io.hunterreferrals.simulator.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Referrals client against the simulated API: query, headers, paging, faults and their typed outcomes. */
class PartnerCenterReferralSourceTest {

    private static final SourceQuery FULL = new SourceQuery(List.of(), Optional.empty());

    private PartnerCenterSimulator sim;
    private final Simulated.RecordingSleeper sleeper = new Simulated.RecordingSleeper();
    private final Simulated.RecordingListener listener = new Simulated.RecordingListener();

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder().referrals(250).build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
        NoSecretsInLogs.assertClean();
    }

    private PartnerCenterReferralSource source(Consumer<ReferralsApiConfig[]> tweak) {
        ReferralsApiConfig[] config = {Simulated.apiConfig(sim)};
        tweak.accept(config);
        return PartnerCenterReferralSource.builder(
                        config[0], force -> sim.identity().issueAccessToken())
                .sleeper(sleeper)
                .listener(listener)
                .build();
    }

    private PartnerCenterReferralSource source() {
        return source(c -> {});
    }

    private static List<SourcePage> drain(PageCursor cursor) {
        List<SourcePage> pages = new ArrayList<>();
        for (Optional<SourcePage> p = cursor.nextPage(); p.isPresent(); p = cursor.nextPage()) {
            pages.add(p.get());
        }
        return pages;
    }

    private static List<Referral> readable(List<SourcePage> pages) {
        return pages.stream()
                .flatMap(p -> p.records().stream())
                .map(r -> ((SourceRecord.Readable) r).referral())
                .toList();
    }

    private static ReferralSourceException failure(Runnable call) {
        try {
            call.run();
        } catch (ReferralSourceException e) {
            return e;
        }
        throw new AssertionError("expected a ReferralSourceException");
    }

    @Test
    void aFullSyncReadsEveryPageInUpdatedOrderAndSendsTheODataOptions() {
        List<SourcePage> pages = drain(source().open(FULL));

        assertThat(pages).extracting(SourcePage::number).containsExactly(1, 2, 3);
        assertThat(pages).allSatisfy(p -> assertThat(p.totalCount()).hasValue(250));
        List<Referral> referrals = readable(pages);
        assertThat(referrals).hasSize(250);
        assertThat(referrals)
                .extracting(r -> r.id().value())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sim.referrals().ids());
        assertThat(referrals).extracting(Referral::updatedAt).isSorted();
        assertThat(referrals)
                .allSatisfy(r -> assertThat(r.raw().json()).startsWith("{").contains(r.id().value()));

        List<RecordedRequest> calls = sim.journal().referralRequests();
        assertThat(calls).hasSize(3);
        RecordedRequest first = calls.getFirst();
        assertThat(first.queryParam("$orderby")).hasValue("updatedDateTime asc");
        assertThat(first.queryParam("$top")).hasValue("100");
        assertThat(first.queryParam("$filter")).isEmpty();
        assertThat(calls.get(1).queryParam("$skiptoken")).isPresent();
        assertThat(listener.pages).extracting(PageEvent::pageNumber).containsExactly(1, 2, 3);
    }

    @Test
    void everyRequestCarriesTheTokenAndFreshCorrelationIds() {
        drain(source().open(FULL));

        List<RecordedRequest> calls = sim.journal().referralRequests();
        assertThat(calls).allSatisfy(r -> {
            assertThat(r.header("authorization"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer "));
            assertThat(r.header("accept")).hasValue("application/json");
            for (String h : List.of("ms-correlationid", "ms-requestid", "client-request-id")) {
                assertThat(r.header(h))
                        .hasValueSatisfying(v -> assertThat(UUID.fromString(v)).isNotNull());
            }
        });
        assertThat(calls)
                .extracting(r -> r.header("ms-requestid").orElseThrow())
                .doesNotHaveDuplicates();
        assertThat(calls)
                .extracting(r -> r.header("ms-correlationid").orElseThrow())
                .doesNotHaveDuplicates();
    }

    @Test
    void directionsAndTheWatermarkAreFilteredOnTheServer() {
        Instant since = Instant.parse("2025-05-01T00:00:00Z");
        SourceQuery query = new SourceQuery(List.of("Incoming"), Optional.of(since));

        List<Referral> referrals = readable(drain(source().open(query)));

        RecordedRequest first = sim.journal().referralRequests().getFirst();
        assertThat(first.queryParam("$filter"))
                .hasValue("(direction eq 'Incoming') and updatedDateTime ge 2025-05-01T00:00:00Z");
        assertThat(first.rawQuery()).doesNotContain(" ").doesNotContain("+");
        assertThat(referrals).isNotEmpty().hasSizeLessThan(250);
        assertThat(referrals).allSatisfy(r -> {
            assertThat(r.direction().value()).isEqualTo(Direction.INCOMING);
            assertThat(r.updatedAt()).isAfterOrEqualTo(since);
        });
    }

    @Test
    void anIncrementalSyncSeesOnlyTheChange() {
        String changed = sim.referrals().ids().get(7);
        Instant watermark = Instant.now().minusSeconds(1);
        sim.referrals().update(changed, r -> r.put("name", "changed"));

        List<Referral> referrals = readable(drain(source().open(new SourceQuery(List.of(), Optional.of(watermark)))));

        assertThat(referrals).extracting(r -> r.id().value()).containsExactly(changed);
        assertThat(sim.journal()
                        .referralRequests()
                        .getFirst()
                        .queryParam("$filter")
                        .orElseThrow())
                .startsWith("updatedDateTime ge ");
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() {
        sim.faults().inject(Fault.tooManyRequests(2));

        List<SourcePage> pages = drain(source().open(FULL));

        assertThat(pages).hasSize(3);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
        assertThat(listener.retries).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(RetryReason.THROTTLED);
            assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(2));
            assertThat(e.httpStatus()).hasValue(429);
            assertThat(e.requestId()).isPresent();
        });
        // after a response, the retry gets a new MS-RequestId
        List<RecordedRequest> calls = sim.journal().referralRequests();
        assertThat(calls.get(0).header("ms-requestid"))
                .isNotEqualTo(calls.get(1).header("ms-requestid"));
    }

    @Test
    void anHttpDateRetryAfterIsHonouredAndAnAbsurdOneClamped() {
        sim.faults().inject(Fault.tooManyRequests(3).withHttpDateRetryAfter());
        sim.faults().inject(Fault.serviceUnavailable(100_000));

        drain(source().open(FULL));

        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(sleeper.waits.get(1)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void throttledForeverEndsAsThrottledWithTheRequestId() {
        sim.faults().inject(Fault.tooManyRequests(1).times(100));

        ReferralSourceException e = failure(() -> source().open(FULL).nextPage());

        assertThat(e.failure()).isEqualTo(SourceFailure.THROTTLED);
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.requestId()).isPresent();
        assertThat(e.getMessage()).contains(e.requestId().get()).contains("429");
        assertThat(sim.journal().referralRequests()).hasSize(4); // maxAttempts
        assertThat(sleeper.waits).hasSize(3);
    }

    @Test
    void theTotalWaitBudgetEndsRetriesEarly() {
        sim.faults().inject(Fault.tooManyRequests(60).times(100));
        PartnerCenterReferralSource source = source(
                c -> c[0] = c[0].withRetry(c[0].retry().withMaxAttempts(10).withMaxTotalWait(Duration.ofSeconds(90))));

        ReferralSourceException e = failure(() -> source.open(FULL).nextPage());

        assertThat(e.failure()).isEqualTo(SourceFailure.THROTTLED);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        sim.faults().inject(Fault.internalServerError().times(2));
        sim.faults().inject(Fault.serviceUnavailable().onPage(2));

        List<SourcePage> pages = drain(source().open(FULL));

        assertThat(pages).hasSize(3);
        assertThat(listener.retries)
                .extracting(RetryEvent::reason)
                .containsExactly(RetryReason.SERVER_ERROR, RetryReason.SERVER_ERROR, RetryReason.SERVER_ERROR);
        assertThat(listener.retries).extracting(e -> e.httpStatus().getAsInt()).containsExactly(500, 500, 503);
        assertThat(sleeper.waits)
                .allSatisfy(w -> assertThat(w).isBetween(Duration.ofMillis(5), Duration.ofMillis(100)));
    }

    @Test
    void persistentServerErrorsEndAsUnavailableWithTheErrorCode() {
        sim.faults().inject(Fault.internalServerError().times(100));

        ReferralSourceException e = failure(() -> source().open(FULL).nextPage());

        assertThat(e.failure()).isEqualTo(SourceFailure.UNAVAILABLE);
        assertThat(e.httpStatus()).hasValue(500);
        assertThat(e.errorCode()).hasValue("generalException");
        assertThat(e.requestId()).isPresent();
    }

    @Test
    void aSlowResponseTimesOutAndIsRetriedWithTheSameRequestId() {
        // A wide gap between the delay and the timeout, so an ordinary response on a busy machine never times out too.
        sim.faults().inject(Fault.delay(Duration.ofSeconds(4)));
        PartnerCenterReferralSource source =
                source(c -> c[0] = c[0].withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(1500)));

        List<SourcePage> pages = drain(source.open(FULL));

        assertThat(pages).hasSize(3);
        assertThat(listener.retries).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(RetryReason.TIMEOUT);
            assertThat(e.httpStatus()).isEmpty();
        });
        List<RecordedRequest> calls = sim.journal().referralRequests();
        assertThat(calls.get(0).header("ms-requestid")).isEqualTo(calls.get(1).header("ms-requestid"));
        assertThat(calls.get(0).header("client-request-id"))
                .isNotEqualTo(calls.get(1).header("client-request-id"));
    }

    @Test
    void persistentTimeoutsEndAsNetwork() {
        sim.faults().inject(Fault.delay(Duration.ofMillis(600)).times(100));
        PartnerCenterReferralSource source =
                source(c -> c[0] = c[0].withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(100))
                        .withRetry(c[0].retry().withMaxAttempts(3)));

        ReferralSourceException e = failure(() -> source.open(FULL).nextPage());

        assertThat(e.failure()).isEqualTo(SourceFailure.NETWORK);
        assertThat(e.getMessage()).contains("no response within");
        assertThat(listener.retries).extracting(RetryEvent::reason).containsOnly(RetryReason.TIMEOUT);
    }

    @Test
    void aRefusedConnectionEndsAsNetwork() {
        int port = sim.port();
        sim.close();
        PartnerCenterReferralSource source =
                source(c -> c[0] = c[0].withApiUrl(URI.create("http://127.0.0.1:" + port)));

        ReferralSourceException e = failure(() -> source.open(FULL).nextPage());

        assertThat(e.failure()).isEqualTo(SourceFailure.NETWORK);
        assertThat(listener.retries).extracting(RetryEvent::reason).containsOnly(RetryReason.CONNECTION_FAILED);
    }

    @Test
    void aMalformedPageIsReported() {
        sim.faults().inject(Fault.malformedPage().onPage(2));
        PageCursor cursor = source().open(FULL);

        assertThat(cursor.nextPage()).isPresent();
        ReferralSourceException e = failure(cursor::nextPage);

        assertThat(e.failure()).isEqualTo(SourceFailure.MALFORMED_PAGE);
        assertThat(e.requestId()).isPresent();
        // sticky: the cursor never pretends the data ended
        assertThat(failure(cursor::nextPage)).isSameAs(e);
    }

    @Test
    void aNextLinkLoopStopsPaging() {
        sim.faults().inject(Fault.nextLinkLoop().onPage(2));
        PageCursor cursor = source().open(FULL);

        assertThat(cursor.nextPage()).isPresent();
        assertThat(cursor.nextPage()).isPresent(); // page 2 is good data and is delivered
        ReferralSourceException e = failure(cursor::nextPage);

        assertThat(e.failure()).isEqualTo(SourceFailure.PAGING);
        assertThat(e.errorCode()).hasValue("repeated_next_link");
        assertThat(sim.journal().referralRequests()).hasSize(2);
    }

    @Test
    void aForeignNextLinkIsRefusedAndTheForeignHostNeverSeesTheToken() {
        sim.faults().inject(Fault.foreignNextLink().onPage(1));
        PageCursor cursor = source().open(FULL);

        assertThat(cursor.nextPage()).isPresent();
        ReferralSourceException e = failure(cursor::nextPage);

        assertThat(e.failure()).isEqualTo(SourceFailure.PAGING);
        assertThat(e.getMessage()).contains("no token was sent there");
        assertThat(sim.foreignHost().journal().all()).noneMatch(RecordedRequest::hasAuthorization);
        assertThat(sim.foreignHost().journal().size()).isZero();
    }

    @Test
    void thePageCapStopsPaging() {
        PageCursor cursor = source(c -> c[0] = c[0].withMaxPages(2)).open(FULL);

        assertThat(cursor.nextPage()).isPresent();
        assertThat(cursor.nextPage()).isPresent();
        ReferralSourceException e = failure(cursor::nextPage);

        assertThat(e.failure()).isEqualTo(SourceFailure.PAGING);
        assertThat(e.errorCode()).hasValue("page_cap_reached");
    }

    @Test
    void forbiddenIsNotRetried() {
        sim.faults().inject(Fault.forbidden());

        ReferralSourceException e = failure(() -> source().open(FULL).nextPage());

        assertThat(e.failure()).isEqualTo(SourceFailure.FORBIDDEN);
        assertThat(e.httpStatus()).hasValue(403);
        assertThat(e.errorCode()).hasValue("accessDenied");
        assertThat(e.requestId()).isPresent();
        assertThat(e.getMessage()).contains("Referral Admin");
        assertThat(sim.journal().referralRequests()).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void anotherClientErrorIsRejectedWithoutRetry() {
        PartnerCenterReferralSource source = source(c -> c[0] = c[0].withApiVersion("v9.9"));

        ReferralSourceException e = failure(() -> source.open(FULL).nextPage());

        assertThat(e.failure()).isEqualTo(SourceFailure.REJECTED);
        assertThat(e.httpStatus()).hasValue(404);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void unreadableReferralsAreReportedOneByOne() {
        sim.referrals().injectRaw("{\"name\":\"no id\",\"updatedDateTime\":\"2025-07-01T00:00:00Z\"}");
        sim.referrals().injectRaw("{\"id\":\"bad-ts\",\"updatedDateTime\":\"yesterday\"}");

        List<SourceRecord> records = drain(source().open(FULL)).stream()
                .flatMap(p -> p.records().stream())
                .toList();

        assertThat(records).hasSize(252);
        assertThat(records)
                .filteredOn(r -> r instanceof SourceRecord.Unreadable)
                .extracting(r -> ((SourceRecord.Unreadable) r).reason())
                .containsExactlyInAnyOrder("missing_id", "bad_timestamp");
        assertThat(listener.pages.stream().mapToInt(PageEvent::unreadable).sum())
                .isEqualTo(2);
    }
}
