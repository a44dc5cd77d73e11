package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralSource.PageCursor;
import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.core.sync.SourcePage;
import io.hunterreferrals.core.sync.SourceQuery;
import io.hunterreferrals.core.sync.SourceRecord;
import io.hunterreferrals.simulator.Fault;
import io.hunterreferrals.simulator.FaultTarget;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import io.hunterreferrals.simulator.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A query that names its referrals (the webhook hints' run): one GET by id each, into one page, in the order named. */
class NamedReferralReadTest {

    private PartnerCenterSimulator sim;
    private final Simulated.RecordingSleeper sleeper = new Simulated.RecordingSleeper();
    private final Listener listener = new Listener();
    private final List<ReferralNotFoundEvent> notFound = listener.notFound;

    private static final class Listener implements PartnerCenterListener {
        final List<RetryEvent> retries = new ArrayList<>();
        final List<PageEvent> pages = new ArrayList<>();
        final List<ReferralNotFoundEvent> notFound = new ArrayList<>();

        @Override
        public void onRetry(RetryEvent event) {
            retries.add(event);
        }

        @Override
        public void onPage(PageEvent event) {
            pages.add(event);
        }

        @Override
        public void onReferralNotFound(ReferralNotFoundEvent event) {
            notFound.add(event);
        }
    }

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder().referrals(20).build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
        NoSecretsInLogs.assertClean();
    }

    private PartnerCenterReferralSource source() {
        return PartnerCenterReferralSource.builder(
                        Simulated.apiConfig(sim), force -> sim.identity().issueAccessToken())
                .sleeper(sleeper)
                .listener(listener)
                .build();
    }

    private static SourceQuery named(String... ids) {
        return new SourceQuery(
                List.of(),
                Optional.empty(),
                List.of(ids).stream().map(ReferralId::of).toList());
    }

    private static List<SourcePage> drain(PageCursor cursor) {
        List<SourcePage> pages = new ArrayList<>();
        for (Optional<SourcePage> p = cursor.nextPage(); p.isPresent(); p = cursor.nextPage()) {
            pages.add(p.get());
        }
        return pages;
    }

    private static String id(SourceRecord record) {
        return switch (record) {
            case SourceRecord.Readable r -> r.referral().id().value();
            case SourceRecord.Unreadable u -> u.referralId().orElseThrow();
        };
    }

    @Test
    void namedReferralsAreReadByIdIntoOnePageInTheOrderNamed() {
        List<String> ids = sim.referrals().ids();
        String a = ids.get(12);
        String b = ids.get(3);
        String c = ids.get(17);

        List<SourcePage> pages = drain(source().open(named(a, b, c, b)));

        assertThat(pages).singleElement().satisfies(page -> {
            assertThat(page.number()).isEqualTo(1);
            assertThat(page.totalCount()).isEmpty();
            assertThat(page.records()).allMatch(r -> r instanceof SourceRecord.Readable);
            assertThat(page.records()).extracting(NamedReferralReadTest::id).containsExactly(a, b, c);
        });
        List<RecordedRequest> calls = sim.journal().referralRequests();
        assertThat(calls)
                .extracting(RecordedRequest::path)
                .containsExactly(
                        PartnerCenterSimulator.REFERRALS_PATH + "/" + a,
                        PartnerCenterSimulator.REFERRALS_PATH + "/" + b,
                        PartnerCenterSimulator.REFERRALS_PATH + "/" + c);
        assertThat(calls).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.rawQuery()).isNull();
            assertThat(r.header("authorization"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer "));
            assertThat(r.header("ms-requestid")).isPresent();
        });
        assertThat(listener.pages).singleElement().satisfies(e -> {
            assertThat(e.pageNumber()).isEqualTo(1);
            assertThat(e.records()).isEqualTo(3);
            assertThat(e.attempts()).isEqualTo(3);
        });
    }

    @Test
    void aReferralReadByIdIsTheSamePayloadAsInAListPage() {
        Map<String, String> listed = drain(source().open(new SourceQuery(List.of(), Optional.empty()))).stream()
                .flatMap(p -> p.records().stream())
                .map(r -> ((SourceRecord.Readable) r).referral())
                .collect(Collectors.toMap(r -> r.id().value(), r -> r.raw().json()));
        String id = sim.referrals().ids().get(5);

        SourceRecord.Readable byId = (SourceRecord.Readable)
                drain(source().open(named(id))).getFirst().records().getFirst();

        // The entity's "@odata.context" is left out, so a webhook's read does not look like a change to a list read.
        assertThat(byId.referral().raw().json()).isEqualTo(listed.get(id)).doesNotContain("@odata");
    }

    @Test
    void aReferralPartnerCenterDoesNotHaveIsLeftOutAndReported() {
        String a = sim.referrals().ids().get(1);
        String b = sim.referrals().ids().get(2);

        SourcePage page = drain(source().open(named(a, "00000000-0000-0000-0000-00000000dead", b)))
                .getFirst();

        assertThat(page.records()).extracting(NamedReferralReadTest::id).containsExactly(a, b);
        assertThat(notFound).singleElement().satisfies(e -> {
            assertThat(e.referralId().value()).isEqualTo("00000000-0000-0000-0000-00000000dead");
            assertThat(e.requestId()).isPresent();
        });
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void anIdIsSentAsOneEncodedPathSegment() {
        ObjectNode odd =
                sim.referrals().get(sim.referrals().ids().get(0)).orElseThrow().deepCopy();
        odd.put("id", "odd id?x=1#frag");
        sim.referrals().put(odd);

        SourcePage page =
                drain(source().open(named("odd id?x=1#frag", "a/b", ".."))).getFirst();

        assertThat(page.records()).extracting(NamedReferralReadTest::id).containsExactly("odd id?x=1#frag");
        List<RecordedRequest> calls = sim.journal().referralRequests();
        assertThat(calls.get(0).path()).isEqualTo(PartnerCenterSimulator.REFERRALS_PATH + "/odd id?x=1#frag");
        assertThat(calls.get(0).rawQuery()).isNull();
        // "/" stays inside the segment and ".." is not resolved: neither reaches another resource
        assertThat(calls.get(1).path()).isEqualTo(PartnerCenterSimulator.REFERRALS_PATH + "/a/b");
        assertThat(calls.get(2).path()).isEqualTo(PartnerCenterSimulator.REFERRALS_PATH + "/..");
        assertThat(notFound).hasSize(2);
    }

    @Test
    void aReferralThatDoesNotMapIsUnreadableWithItsId() {
        ObjectNode bad = new ObjectMapper().createObjectNode();
        bad.put("id", "bad-timestamp");
        bad.put("updatedDateTime", "yesterday");
        sim.referrals().put(bad);
        String good = sim.referrals().ids().get(4);

        SourcePage page = drain(source().open(named("bad-timestamp", good))).getFirst();

        assertThat(page.records()).hasSize(2);
        assertThat(page.records().getFirst()).isInstanceOfSatisfying(SourceRecord.Unreadable.class, u -> {
            assertThat(u.referralId()).hasValue("bad-timestamp");
            assertThat(u.reason()).isEqualTo("bad_timestamp");
            assertThat(u.updatedDateTime()).hasValue("yesterday");
            assertThat(u.payload().json()).doesNotContain("@odata");
        });
        assertThat(page.records().get(1)).isInstanceOf(SourceRecord.Readable.class);
        assertThat(listener.pages.getFirst().unreadable()).isEqualTo(1);
    }

    @Test
    void directionsAndTheWatermarkAreNotAppliedToANamedRead() {
        String id = sim.referrals().ids().get(0);
        String direction =
                sim.referrals().get(id).orElseThrow().path("direction").asText();
        String other = direction.equals("Incoming") ? "Outgoing" : "Incoming";

        SourcePage page = drain(
                        source().open(new SourceQuery(List.of(other), Optional.empty(), List.of(ReferralId.of(id)))))
                .getFirst();

        assertThat(page.records()).extracting(NamedReferralReadTest::id).containsExactly(id);
        assertThat(sim.journal().referralRequests().getFirst().rawQuery()).isNull();
    }

    @Test
    void serverErrorsAreRetriedPerReferral() {
        sim.faults()
                .inject(Fault.internalServerError()
                        .on(FaultTarget.REFERRAL_BY_ID)
                        .times(2));
        String a = sim.referrals().ids().get(1);

        SourcePage page = drain(source().open(named(a))).getFirst();

        assertThat(page.records()).extracting(NamedReferralReadTest::id).containsExactly(a);
        assertThat(listener.retries).extracting(RetryEvent::reason).containsOnly(RetryReason.SERVER_ERROR);
        assertThat(listener.retries).hasSize(2);
        assertThat(sim.journal().referralRequests()).hasSize(3);
    }

    @Test
    void aFailureEndsTheReadTypedAndSticky() {
        sim.faults().inject(Fault.forbidden().on(FaultTarget.REFERRAL_BY_ID));
        PageCursor cursor = source().open(named(sim.referrals().ids().get(1)));

        ReferralSourceException e = catchThrowableOfType(ReferralSourceException.class, cursor::nextPage);

        assertThat(e.failure()).isEqualTo(SourceFailure.FORBIDDEN);
        assertThat(e.requestId()).isPresent();
        assertThatThrownBy(cursor::nextPage).isSameAs(e);
    }

    @Test
    void throttlingPastTheBudgetEndsAsThrottled() {
        sim.faults()
                .inject(Fault.tooManyRequests(1).on(FaultTarget.REFERRAL_BY_ID).times(100));

        assertThatThrownBy(
                        () -> source().open(named(sim.referrals().ids().get(1))).nextPage())
                .isInstanceOfSatisfying(ReferralSourceException.class, e -> {
                    assertThat(e.failure()).isEqualTo(SourceFailure.THROTTLED);
                    assertThat(e.httpStatus()).hasValue(429);
                });
    }

    @Test
    void aSecondCallAfterThePageIsTheEnd() {
        PageCursor cursor = source().open(named(sim.referrals().ids().get(1)));

        assertThat(cursor.nextPage()).isPresent();
        assertThat(cursor.nextPage()).isEmpty();
        assertThat(sim.journal().referralRequests()).hasSize(1);
    }
}
