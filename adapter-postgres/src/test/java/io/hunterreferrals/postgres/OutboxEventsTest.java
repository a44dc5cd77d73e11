package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.Referrals.at;
import static io.hunterreferrals.postgres.Referrals.coSell;
import static io.hunterreferrals.postgres.Referrals.marketplace;
import static io.hunterreferrals.postgres.jooq.Tables.COMPANIES;
import static io.hunterreferrals.postgres.jooq.Tables.NOTIFICATION_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.notify.EventFilter;
import io.hunterreferrals.core.notify.EventProblem;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.EventView;
import io.hunterreferrals.core.notify.FieldChange;
import io.hunterreferrals.core.notify.ReferralFacts;
import io.hunterreferrals.core.notify.StoredEvent;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The events the stores write to the outbox, in the transactions of what causes them. */
@ExtendWith(PostgresExtension.class)
class OutboxEventsTest {

    private static final SyncRequest INCREMENTAL = SyncRequest.of(SyncTrigger.CLI, SyncMode.INCREMENTAL);

    private final DataSource ds;
    private final JooqReferralStore store;
    private final JooqOutbox outbox;
    private final InMemoryReferralSource source = new InMemoryReferralSource(2);

    OutboxEventsTest(DataSource ds) {
        this.ds = ds;
        this.store = new JooqReferralStore(ds);
        this.outbox = new JooqOutbox(ds);
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
        source.put(
                coSell("r-1", "Şahin Bilişim A.Ş.", "sahinbilisim.com.tr")
                        .updatedAt(at(1))
                        .build(),
                marketplace("r-2", "Contoso GmbH", "contoso.de")
                        .updatedAt(at(2))
                        .build(),
                coSell("r-3", "Fabrikam Ltd", "fabrikam.co.uk").updatedAt(at(3)).build());
    }

    private void sync() {
        SyncOutcome outcome = Referrals.sync(
                        source, store, new JooqCompanyDirectory(ds), new JooqSyncRunLog(ds, "test-host/1"))
                .sync(INCREMENTAL);
        assertThat(outcome).isInstanceOf(SyncOutcome.Ran.class);
    }

    private List<StoredEvent> events() {
        return outbox.events(EventFilter.latest(500)).reversed().stream()
                .map(EventView::event)
                .toList();
    }

    private static String describe(StoredEvent e) {
        return e.event().type().wire() + " "
                + e.event().referral().map(r -> r.id().value()).orElse("-");
    }

    @Test
    void theFirstSyncAnnouncesNothingSinceEverythingIsNewToTheProductNotToTheTeam() {
        sync();

        assertThat(events()).isEmpty();
    }

    @Test
    void laterSyncsAnnounceNewReferralsAndWhatChangedOnesChanged() {
        sync();
        source.put(
                coSell("r-4", "Northwind Traders", "northwind.com")
                        .updatedAt(at(10))
                        .build(),
                coSell("r-1", "Şahin Bilişim A.Ş.", "sahinbilisim.com.tr")
                        .status("Active")
                        .substatus("Accepted")
                        .updatedAt(at(11))
                        .build(),
                // a newer updatedDateTime with nothing people act on changed: no event
                marketplace("r-2", "Contoso GmbH", "contoso.de")
                        .updatedAt(at(12))
                        .build());

        sync();

        List<StoredEvent> events = events();
        assertThat(events)
                .extracting(OutboxEventsTest::describe)
                .containsExactly("referral.created r-4", "referral.updated r-1", "referral.status_changed r-1");
        ReferralFacts created = events.get(0).event().referral().orElseThrow();
        assertThat(created.companyName()).isEqualTo("Northwind Traders");
        assertThat(created.domain()).isEqualTo("northwind.com");
        assertThat(created.status()).isEqualTo("New");
        assertThat(events.get(1).event().changes())
                .containsExactly(
                        new FieldChange(ReferralFacts.STATUS, "New", "Active"),
                        new FieldChange(ReferralFacts.SUBSTATUS, "Received", "Accepted"));
        assertThat(events.get(2).event().referral().orElseThrow().status()).isEqualTo("Active");
    }

    @Test
    void theEventsOfAPageAreWrittenOnlyIfThePageCommits() {
        sync();
        source.put(coSell("r-5", "Northwind Traders", "northwind.com")
                .updatedAt(at(10))
                .build());
        // a referral a page cannot store would abort the page: simulate with a constraint the row breaks
        Seed.dsl(ds).execute("ALTER TABLE partner_center_referrals ADD CONSTRAINT no_r5 CHECK (referral_id <> 'r-5')");
        try {
            Referrals.sync(source, store, new JooqCompanyDirectory(ds), new JooqSyncRunLog(ds, "test-host/1"))
                    .sync(INCREMENTAL);
        } finally {
            Seed.dsl(ds).execute("ALTER TABLE partner_center_referrals DROP CONSTRAINT no_r5");
        }

        assertThat(events()).extracting(e -> e.event().type()).doesNotContain(EventType.REFERRAL_CREATED);
        assertThat(Seed.dsl(ds).fetchCount(NOTIFICATION_EVENTS, NOTIFICATION_EVENTS.REFERRAL_ID.eq("r-5")))
                .isZero();
    }

    @Test
    void aFailedRunIsASyncFailedEventWithItsCodeAndRequestId() {
        sync();
        source.failOnPage(
                1,
                new ReferralSourceException(
                        SourceFailure.SIGN_IN_REQUIRED,
                        "The sign-in has expired: run hunter auth login",
                        401,
                        "invalid_grant",
                        "req-42",
                        null));

        Referrals.sync(source, store, new JooqCompanyDirectory(ds), new JooqSyncRunLog(ds, "test-host/1"))
                .sync(INCREMENTAL);

        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.event().type()).isEqualTo(EventType.SYNC_FAILED);
            EventProblem problem = e.event().problem().orElseThrow();
            assertThat(problem.code()).isEqualTo("sign_in_required");
            assertThat(problem.message()).contains("hunter auth login");
            assertThat(problem.requestId()).contains("req-42");
        });
    }

    @Test
    void anOperatorsLinkAndUnlinkAreEvents() {
        sync();
        long company = Seed.dsl(ds)
                .select(COMPANIES.ID)
                .from(COMPANIES)
                .where(COMPANIES.DOMAIN.eq("contoso.de"))
                .fetchSingle(COMPANIES.ID);

        assertThat(store.recordOperatorLink(ReferralId.of("r-1"), new OperatorLink.LinkTo(new CompanyId(company))))
                .isTrue();
        assertThat(store.recordOperatorLink(ReferralId.of("r-1"), new OperatorLink.Unlink()))
                .isTrue();
        assertThat(store.recordOperatorLink(ReferralId.of("missing"), new OperatorLink.Unlink()))
                .isFalse();

        assertThat(events())
                .extracting(OutboxEventsTest::describe)
                .containsExactly("referral.linked r-1", "referral.unlinked r-1");
    }
}
