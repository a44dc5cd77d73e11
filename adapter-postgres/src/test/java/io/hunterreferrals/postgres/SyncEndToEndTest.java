package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.Referrals.at;
import static io.hunterreferrals.postgres.Referrals.coSell;
import static io.hunterreferrals.postgres.Referrals.marketplace;
import static io.hunterreferrals.postgres.Referrals.solutionProvider;
import static io.hunterreferrals.postgres.Referrals.unknown;
import static io.hunterreferrals.postgres.jooq.Tables.COMPANIES;
import static io.hunterreferrals.postgres.jooq.Tables.PARTNER_CENTER_REFERRALS;
import static io.hunterreferrals.postgres.jooq.Tables.SYNC_RUNS;
import static io.hunterreferrals.postgres.jooq.Tables.SYNC_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.link.LinkOutcome;
import io.hunterreferrals.core.link.ReferralLinks;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Core's ReferralSync over the PostgreSQL stores, then what operators and the UI read back. */
@ExtendWith(PostgresExtension.class)
class SyncEndToEndTest {

    private static final SyncRequest FULL = SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL);

    private final DataSource ds;
    private final DSLContext dsl;
    private final JooqReferralStore store;
    private final JooqCompanyDirectory companies;
    private final JooqSyncRunLog runLog;
    private final InMemoryReferralSource source = new InMemoryReferralSource(3);

    SyncEndToEndTest(DataSource ds) {
        this.ds = ds;
        this.dsl = Seed.dsl(ds);
        this.store = new JooqReferralStore(ds);
        this.companies = new JooqCompanyDirectory(ds);
        this.runLog = new JooqSyncRunLog(ds, "test-host/42");
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
        source.put(
                coSell("r-1", "Şahin Bilişim A.Ş.", "sahinbilisim.com.tr")
                        .updatedAt(at(1))
                        .build(),
                coSell("r-2", "Şahin Bilişim A.Ş.", "mail.sahinbilisim.com.tr")
                        .updatedAt(at(2))
                        .build(),
                marketplace("r-3", "Contoso GmbH", "contoso.de")
                        .updatedAt(at(3))
                        .build(),
                solutionProvider("r-4", "Fabrikam Ltd", "fabrikam.co.uk")
                        .updatedAt(at(4))
                        .build(),
                unknown("r-5", "Ayşe Yılmaz", "gmail.com").updatedAt(at(5)).build(),
                coSell("r-6", "Outgoing Co", "outgoing.com")
                        .direction("Outgoing")
                        .updatedAt(at(6))
                        .build());
    }

    @Test
    void aSyncFillsTheTablesTheRunbooksQuery() throws SQLException {
        SyncReport report = run();

        assertThat(report.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(report.created()).isEqualTo(5);
        assertThat(runbook("SELECT COUNT(*) FROM partner_center_referrals"))
                .extracting(r -> r.get("count"))
                .containsExactly(5L);
        List<Map<String, Object>> latest = runbook("SELECT referral_id, referral_type, company_name, domain, status, "
                + "synced_at FROM partner_center_referrals ORDER BY synced_at DESC LIMIT 5");
        assertThat(latest)
                .hasSize(5)
                .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("New"));
        assertThat(latest).extracting(r -> r.get("company_name")).contains("Şahin Bilişim A.Ş.", "Ayşe Yılmaz");
        assertThat(runbook("SELECT referral_type, COUNT(*) as count FROM partner_center_referrals GROUP BY "
                        + "referral_type"))
                .extracting(r -> r.get("referral_type") + "=" + r.get("count"))
                .containsExactlyInAnyOrder("co-sell=2", "marketplace=1", "solution-provider=1", "null=1");
        Map<String, Object> last = runbook("SELECT MAX(synced_at) as last_sync, COUNT(*) as total_referrals FROM "
                        + "partner_center_referrals")
                .get(0);
        assertThat(last.get("total_referrals")).isEqualTo(5L);
        assertThat(((java.sql.Timestamp) last.get("last_sync")).toInstant())
                .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(runbook("SELECT referral_id, domain, referral_type, synced_at FROM partner_center_referrals WHERE "
                        + "synced_at > NOW() - INTERVAL '5 minutes' ORDER BY synced_at DESC"))
                .hasSize(5);
        List<Map<String, Object>> joined = runbook("SELECT pc.domain, c.domain as company_domain FROM "
                + "partner_center_referrals pc LEFT JOIN companies c ON c.domain = pc.domain WHERE pc.domain IS NOT "
                + "NULL LIMIT 5");
        assertThat(joined)
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.get("company_domain")).isEqualTo(r.get("domain")));
        assertThat(joined)
                .extracting(r -> r.get("domain"))
                .containsOnly("sahinbilisim.com.tr", "contoso.de", "fabrikam.co.uk");
        assertThat(runbook("SELECT pc.domain, pc.link_status, c.id as company_id FROM partner_center_referrals pc "
                        + "LEFT JOIN companies c ON c.domain = pc.domain WHERE pc.domain IS NOT NULL LIMIT 10"))
                .hasSize(4)
                .allSatisfy(r -> {
                    assertThat(r.get("link_status")).isEqualTo("auto_linked");
                    assertThat(r.get("company_id")).isNotNull();
                });
        // one company per domain, named after the customer
        assertThat(dsl.select(COMPANIES.DOMAIN, COMPANIES.NAME, COMPANIES.SOURCE)
                        .from(COMPANIES)
                        .orderBy(COMPANIES.DOMAIN)
                        .fetch(r -> r.value1() + "|" + r.value2() + "|" + r.value3()))
                .containsExactly(
                        "contoso.de|Contoso GmbH|partner_center",
                        "fabrikam.co.uk|Fabrikam Ltd|partner_center",
                        "sahinbilisim.com.tr|Şahin Bilişim A.Ş.|partner_center");
    }

    @Test
    void storesEveryDerivedColumn() {
        run();

        var consumer = dsl.selectFrom(PARTNER_CENTER_REFERRALS)
                .where(PARTNER_CENTER_REFERRALS.REFERRAL_ID.eq("r-5"))
                .fetchSingle();
        assertThat(consumer.getReferralType()).isNull();
        assertThat(consumer.getClassificationRule()).isEqualTo("pc-v1/1");
        assertThat(consumer.getDomain()).isNull();
        assertThat(consumer.getRawDomain()).isEqualTo("gmail.com");
        assertThat(consumer.getDomainSource()).isEqualTo("customer_team_email");
        assertThat(consumer.getDomainRejection()).isEqualTo("consumer_mailbox");
        assertThat(consumer.getLinkStatus()).isEqualTo("unlinked");
        assertThat(consumer.getLinkedCompanyId()).isNull();

        var coSell = dsl.selectFrom(PARTNER_CENTER_REFERRALS)
                .where(PARTNER_CENTER_REFERRALS.REFERRAL_ID.eq("r-2"))
                .fetchSingle();
        assertThat(coSell.getReferralType()).isEqualTo("co-sell");
        assertThat(coSell.getClassificationRule()).isEqualTo("pc-v1/2");
        assertThat(coSell.getDomain()).isEqualTo("sahinbilisim.com.tr");
        assertThat(coSell.getRawDomain()).isEqualTo("mail.sahinbilisim.com.tr");
        assertThat(coSell.getDomainRejection()).isNull();
        assertThat(coSell.getType()).isEqualTo("Shared");
        assertThat(coSell.getQualification()).isEqualTo("SalesQualified");
        assertThat(coSell.getDirection()).isEqualTo("Incoming");
        assertThat(coSell.getSubstatus()).isEqualTo("Received");
        assertThat(coSell.getEngagementId()).isEqualTo("eng-r-2");
        assertThat(coSell.getInvitedByOrgId()).isEqualTo("msft");
        assertThat(coSell.getCustomerCountry()).isEqualTo("TR");
        assertThat(coSell.getCustomerSize()).isEqualTo("51to250employees");
        assertThat(coSell.getDealValue()).isEqualByComparingTo("30000.00");
        assertThat(coSell.getCurrency()).isEqualTo("EUR");
        assertThat(coSell.getPcUpdatedAt().toInstant()).isEqualTo(at(2));
        assertThat(coSell.getEtag()).isEqualTo("\"etag-r-2\"");
        assertThat(coSell.getRawData().data()).contains("r-2");
        assertThat(coSell.getContentHash()).hasSize(64);
        assertThat(coSell.getLinkStatus()).isEqualTo("auto_linked");
        assertThat(coSell.getFirstSeenAt()).isEqualTo(coSell.getChangedAt()).isEqualTo(coSell.getSyncedAt());

        var marketplace = dsl.selectFrom(PARTNER_CENTER_REFERRALS)
                .where(PARTNER_CENTER_REFERRALS.REFERRAL_ID.eq("r-3"))
                .fetchSingle();
        assertThat(marketplace.getReferralSource()).isEqualTo("AppSource");
        assertThat(marketplace.getCallToAction()).isEqualTo("ContactMe");

        // the run log and the watermark
        var runRow = dsl.selectFrom(SYNC_RUNS).fetchSingle();
        assertThat(runRow.getStatus()).isEqualTo("succeeded");
        assertThat(runRow.getNode()).isEqualTo("test-host/42");
        assertThat(runRow.getCreatedCount()).isEqualTo(5);
        assertThat(runRow.getTotalFetched()).isEqualTo(5);
        assertThat(runRow.getExpectedTotal()).isEqualTo(5L);
        assertThat(runRow.getWatermarkAfter().toInstant()).isEqualTo(at(5));
        assertThat(dsl.select(SYNC_STATE.WATERMARK)
                        .from(SYNC_STATE)
                        .fetchSingle()
                        .value1()
                        .toInstant())
                .isEqualTo(at(5));
        assertThat(dsl.select(SYNC_STATE.LAST_RUN_ID)
                        .from(SYNC_STATE)
                        .fetchSingle()
                        .value1())
                .isEqualTo(runRow.getRunId());
        // every referral names the run that last fetched it, and links name the run that made them
        assertThat(coSell.getLastSyncRunId()).isEqualTo(runRow.getRunId());
        assertThat(coSell.getLinkChangedBy()).isEqualTo("sync:" + runRow.getRunId());
    }

    @Test
    void aNulCharacterDoesNotStopItsPage() {
        source.put(coSell("r-nul", "Nul\u0000 Ltd", "nul.com.tr")
                .name("deal\u0000 one")
                .raw("{\"id\":\"r-nul\",\"notes\":\"a\\u0000b\",\"path\":\"c:\\\\u0000\"}")
                .updatedAt(at(7))
                .build());

        SyncReport report = run();

        assertThat(report.failedCount()).isZero();
        var row = dsl.selectFrom(PARTNER_CENTER_REFERRALS)
                .where(PARTNER_CENTER_REFERRALS.REFERRAL_ID.eq("r-nul"))
                .fetchSingle();
        assertThat(row.getCompanyName()).isEqualTo("Nul Ltd");
        assertThat(row.getName()).isEqualTo("deal one");
        // the escaped NUL becomes U+FFFD; an escaped backslash followed by "u0000" is text and stays
        assertThat(row.getRawData().data()).contains("a\ufffdb").contains("c:\\\\u0000");
    }

    @Test
    void aLoneSurrogateDoesNotStopItsPage() {
        // jsonb refuses "\ud800" without its low half (and text would get it mangled by the driver)
        source.put(coSell("r-sur", "Sur\uD800 Ltd", "sur.com.tr")
                .name("deal \uDC00 one")
                .raw("{\"id\":\"r-sur\",\"notes\":\"a\\ud800b\",\"low\":\"\\udc00\",\"pair\":\"\\ud83d\\ude00\","
                        + "\"path\":\"c:\\\\ud800\"}")
                .updatedAt(at(7))
                .build());

        SyncReport report = run();

        assertThat(report.failedCount()).isZero();
        var row = dsl.selectFrom(PARTNER_CENTER_REFERRALS)
                .where(PARTNER_CENTER_REFERRALS.REFERRAL_ID.eq("r-sur"))
                .fetchSingle();
        assertThat(row.getCompanyName()).isEqualTo("Sur\uFFFD Ltd");
        assertThat(row.getName()).isEqualTo("deal \uFFFD one");
        // jsonb decodes escapes: the lone halves are U+FFFD, the pair is the emoji, an escaped backslash stays text
        assertThat(row.getRawData().data())
                .contains("a\ufffdb")
                .contains("\"low\": \"\ufffd\"")
                .contains("\uD83D\uDE00")
                .contains("c:\\\\ud800");
    }

    @Test
    void syncingTheSameReferralsAgainChangesNoContent() {
        run();
        Map<String, String> before = content();

        SyncReport again = run();

        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(content()).isEqualTo(before);
        // synced_at moved, first_seen_at and changed_at did not
        assertThat(dsl.fetchCount(
                        PARTNER_CENTER_REFERRALS,
                        PARTNER_CENTER_REFERRALS.SYNCED_AT.gt(PARTNER_CENTER_REFERRALS.CHANGED_AT)))
                .isEqualTo(5);
    }

    @Test
    void anOperatorsDecisionsSurviveTheNextSync() {
        run();
        ReferralLinks links = new ReferralLinks(store, companies, new JooqReferralQueries(ds));
        assertThat(links.unlink(ReferralId.of("r-1"))).isInstanceOf(LinkOutcome.Unlinked.class);
        assertThat(links.link(ReferralId.of("r-3"), "https://www.fabrikam.co.uk/about"))
                .isInstanceOf(LinkOutcome.Linked.class);
        // the next sync brings changed content for both
        source.put(
                coSell("r-1", "Şahin Bilişim A.Ş.", "sahinbilisim.com.tr")
                        .status("Active")
                        .substatus("Accepted")
                        .updatedAt(at(10))
                        .build(),
                marketplace("r-3", "Contoso GmbH", "contoso.de")
                        .status("Active")
                        .substatus("Accepted")
                        .updatedAt(at(11))
                        .build());

        SyncReport report = run();

        assertThat(report.updated()).isEqualTo(2);
        assertThat(linkOf("r-1")).isEqualTo(LinkStatus.MANUAL_UNLINKED + "|null");
        long fabrikam = companies
                .findByDomain(io.hunterreferrals.core.domainname.Domain.of("fabrikam.co.uk"))
                .orElseThrow()
                .id()
                .value();
        assertThat(linkOf("r-3")).isEqualTo(LinkStatus.MANUAL_LINKED + "|" + fabrikam);
        assertThat(dsl.select(PARTNER_CENTER_REFERRALS.STATUS)
                        .from(PARTNER_CENTER_REFERRALS)
                        .where(PARTNER_CENTER_REFERRALS.REFERRAL_ID.eq("r-3"))
                        .fetchSingle()
                        .value1())
                .isEqualTo("Active");
    }

    @Test
    void aSecondSyncWhileOneRunsIsRefused() {
        assertThat(runLog.start(io.hunterreferrals.core.sync.SyncRunId.random(), FULL, Instant.now(), Optional.empty()))
                .isEqualTo(io.hunterreferrals.core.sync.RunClaim.CLAIMED);

        assertThat(Referrals.sync(source, store, companies, runLog).sync(FULL)).isInstanceOf(SyncOutcome.Busy.class);
        assertThat(dsl.fetchCount(PARTNER_CENTER_REFERRALS)).isZero();
    }

    private SyncReport run() {
        SyncOutcome outcome = Referrals.sync(source, store, companies, runLog).sync(FULL);
        assertThat(outcome).isInstanceOf(SyncOutcome.Ran.class);
        return ((SyncOutcome.Ran) outcome).report();
    }

    private String linkOf(String id) {
        var r = dsl.select(PARTNER_CENTER_REFERRALS.LINK_STATUS, PARTNER_CENTER_REFERRALS.LINKED_COMPANY_ID)
                .from(PARTNER_CENTER_REFERRALS)
                .where(PARTNER_CENTER_REFERRALS.REFERRAL_ID.eq(id))
                .fetchSingle();
        return LinkStatus.fromCode(r.value1()) + "|" + r.value2();
    }

    /** Every column but synced_at and last_sync_run_id (when and by which run it was last fetched), per referral. */
    private Map<String, String> content() {
        Map<String, String> rows = new LinkedHashMap<>();
        dsl.selectFrom(PARTNER_CENTER_REFERRALS)
                .orderBy(PARTNER_CENTER_REFERRALS.REFERRAL_ID)
                .forEach(r -> {
                    r.setSyncedAt((OffsetDateTime) null);
                    r.setLastSyncRunId(null);
                    rows.put(r.getReferralId(), r.formatJSON());
                });
        return rows;
    }

    private List<Map<String, Object>> runbook(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
