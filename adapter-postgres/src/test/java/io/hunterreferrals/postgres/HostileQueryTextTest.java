package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.Referrals.at;
import static io.hunterreferrals.postgres.Referrals.coSell;
import static io.hunterreferrals.postgres.Referrals.marketplace;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.link.LinkOutcome;
import io.hunterreferrals.core.link.ReferralLinks;
import io.hunterreferrals.core.query.InboxQuery;
import io.hunterreferrals.core.query.InboxSort;
import io.hunterreferrals.core.query.LeadQuery;
import io.hunterreferrals.core.query.LeadSort;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.core.testing.HostileStrings;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.core.testing.PropertyCheck;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The text operators type into search and filters, and into link requests, on the real PostgreSQL queries: SQL and LIKE
 * metacharacters are matched literally, and NUL, lone surrogates and the like give a normal (empty) result, not an SQL
 * error that the API would turn into a 500.
 */
@ExtendWith(PostgresExtension.class)
class HostileQueryTextTest {

    static final int TRIES = 150;

    /** The brief's list, and the texts that break drivers rather than SQL. */
    private static final List<String> NAMED = List.of(
            "' OR 1=1 --",
            "'; DROP TABLE companies; --",
            ";DROP TABLE leads",
            "%",
            "_",
            "\\",
            "%_%",
            "\\%",
            "a\u0000b",
            "\u0000",
            "\ud800",
            "\udfff\ud800",
            "x\ud83d",
            "\u202e",
            "$1",
            "?");

    private final DataSource ds;
    private final JooqReferralQueries referrals;
    private final JooqLeadQueries leads;

    HostileQueryTextTest(DataSource ds) {
        this.ds = ds;
        this.referrals = new JooqReferralQueries(ds);
        this.leads = new JooqLeadQueries(ds);
    }

    @BeforeEach
    void syncTwoReferrals() {
        PostgresExtension.truncateAll(ds);
        InMemoryReferralSource source = new InMemoryReferralSource(100)
                .put(
                        coSell("h-1", "100% Pure_Name Ltd", "percent.com.tr")
                                .name("50% off_now \\ backslash")
                                .updatedAt(at(1))
                                .build(),
                        marketplace("h-2", "Contoso GmbH", "contoso.de")
                                .updatedAt(at(2))
                                .build());
        Referrals.sync(source, new JooqReferralStore(ds), new JooqCompanyDirectory(ds), new JooqSyncRunLog(ds, "t/1"))
                .sync(SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL));
    }

    @Test
    void metacharactersAreSearchedForLiterally() {
        assertThat(inboxIds(search("' OR 1=1 --"))).isEmpty();
        assertThat(inboxIds(search("%"))).containsExactly("h-1");
        assertThat(inboxIds(search("_"))).containsExactly("h-1");
        assertThat(inboxIds(search("\\"))).containsExactly("h-1");
        assertThat(inboxIds(search("%_"))).isEmpty();
        assertThat(leads.leads(new LeadQuery(Optional.empty(), Optional.of("%"), LeadSort.DEFAULT, PageRequest.FIRST))
                        .items())
                .extracting(l -> l.domain().value())
                .containsExactly("percent.com.tr");
        assertThat(referrals.inbox(InboxQuery.ALL).total())
                .as("nothing was dropped")
                .isEqualTo(2);
    }

    @Test
    void namedHostileTextsGiveNormalResultsEverywhere() {
        for (String text : NAMED) {
            queryEverything(text);
        }
        assertThat(referrals.inbox(InboxQuery.ALL).total()).isEqualTo(2);
    }

    @Test
    void anyTextGivesANormalResultEverywhere() {
        PropertyCheck.forAll(TRIES, 71L, r -> HostileStrings.upTo(r, 200), this::queryEverything);
    }

    @Test
    void aReferralIdWithNulIsSyncedAndFoundAgain() {
        // Was a failed run, every run: the NUL id reached the fingerprint query (ReferralId now drops NUL).
        InMemoryReferralSource source = new InMemoryReferralSource(100)
                .put(coSell("h-\u0000nul", "Nul Ltd", "nul.com.tr")
                        .raw("{\"id\":\"h-\\u0000nul\"}")
                        .updatedAt(at(3))
                        .build());

        SyncOutcome outcome = Referrals.sync(
                        source, new JooqReferralStore(ds), new JooqCompanyDirectory(ds), new JooqSyncRunLog(ds, "t/1"))
                .sync(SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL));

        assertThat(outcome).isInstanceOfSatisfying(SyncOutcome.Ran.class, ran -> {
            assertThat(ran.report().error()).isEmpty();
            assertThat(ran.report().successCount()).isEqualTo(1);
        });
        assertThat(referrals.find(ReferralId.of("h-\u0000nul"), false)).isPresent();
    }

    /** Every query and link operation that takes operator text, with that text; each must return normally. */
    private void queryEverything(String text) {
        referrals.inbox(search(text));
        referrals.inbox(new InboxQuery(
                Optional.empty(),
                Optional.of(ReferralCategory.UNKNOWN),
                Optional.of(text),
                Optional.of(text),
                InboxSort.DEFAULT,
                PageRequest.FIRST));
        leads.leads(new LeadQuery(Optional.empty(), Optional.of(text), LeadSort.DEFAULT, PageRequest.FIRST));
        leads.leads(new LeadQuery(
                Optional.of(ReferralCategory.CO_SELL), Optional.of(text), LeadSort.DEFAULT, PageRequest.FIRST));
        String idText = text.replace("\0", "").strip();
        if (!idText.isEmpty() && idText.length() <= 255) {
            ReferralId id = ReferralId.of(text);
            assertThat(referrals.find(id, true)).isEmpty();
            ReferralLinks links = new ReferralLinks(new JooqReferralStore(ds), new JooqCompanyDirectory(ds), referrals);
            assertThat(links.link(id, "contoso.de")).isInstanceOf(LinkOutcome.ReferralNotFound.class);
            assertThat(links.link(ReferralId.of("h-2"), text)).isNotNull();
        }
    }

    private static InboxQuery search(String term) {
        return new InboxQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(term),
                InboxSort.DEFAULT,
                PageRequest.FIRST);
    }

    private List<String> inboxIds(InboxQuery query) {
        return referrals.inbox(query).items().stream().map(s -> s.id().value()).toList();
    }
}
