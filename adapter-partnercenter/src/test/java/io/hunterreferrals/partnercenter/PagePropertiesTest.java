package io.hunterreferrals.partnercenter;

import static io.hunterreferrals.core.testing.HostileStrings.pick;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.ReferralSync;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.core.sync.SourceRecord;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncSettings;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.core.testing.HostileStrings;
import io.hunterreferrals.core.testing.InMemoryCompanyDirectory;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.core.testing.InMemoryReferralStore;
import io.hunterreferrals.core.testing.InMemorySyncRunLog;
import io.hunterreferrals.core.testing.PropertyCheck;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whole pages: envelopes with mutated items, odd counts and next links, and text corrupted anywhere. Parsing throws
 * nothing but {@link PageParser.MalformedPage}; a next link is followed or refused as {@link SourceFailure#PAGING}; and
 * a sync of what a parsed page mapped to never fails the run.
 */
class PagePropertiesTest {

    static final int PAGE_TRIES = 1_500;
    static final int SYNC_TRIES = 300;

    private static final URI API = URI.create("https://api.partner.microsoft.com/v1.0/engagements/referrals");
    private static final NextLinkGuard GUARD = new NextLinkGuard(API);

    @Test
    void aPageParsesOrIsMalformedAndItsNextLinkIsFollowedOrRefused() {
        PropertyCheck.forAll(PAGE_TRIES, 8L, PagePropertiesTest::page, body -> {
            PageParser.ParsedPage page;
            try {
                page = PageParser.parse(body);
            } catch (PageParser.MalformedPage e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContain("contoso", "@");
                return;
            }
            for (PageParser.RawItem item : page.items()) {
                SourceRecord record = ReferralMapper.map(item);
                if (record instanceof SourceRecord.Unreadable unreadable) {
                    ReferralMappingPropertiesTest.assertHasReason(unreadable);
                }
            }
            page.nextLink().ifPresent(link -> {
                try {
                    assertThat(GUARD.check(link, API, "req-1").getHost()).isEqualTo(API.getHost());
                } catch (ReferralSourceException e) {
                    assertThat(e.failure()).isEqualTo(SourceFailure.PAGING);
                    assertThat(e.getMessage()).isNotBlank();
                }
            });
        });
    }

    @Test
    void aSyncOfAnyParsedPageSucceedsWithEveryFailureCounted() {
        PropertyCheck.forAll(SYNC_TRIES, 9L, PagePropertiesTest::envelope, body -> {
            List<SourceRecord> records;
            try {
                records = PageParser.parse(body).items().stream()
                        .map(ReferralMapper::map)
                        .toList();
            } catch (PageParser.MalformedPage e) {
                return; // covered above; a malformed page fails the run by design, with MALFORMED_PAGE
            }
            InMemoryReferralSource source = new InMemoryReferralSource(3);
            for (SourceRecord record : records) {
                switch (record) {
                    case SourceRecord.Readable readable -> source.put(readable.referral());
                    case SourceRecord.Unreadable unreadable -> source.putUnreadable(unreadable);
                }
            }
            ReferralSync sync = new ReferralSync(
                    source,
                    new InMemoryReferralStore(),
                    new InMemoryCompanyDirectory(),
                    new InMemorySyncRunLog(),
                    SyncSettings.DEFAULT,
                    new ClassificationRulePcV1(),
                    Clock.systemUTC(),
                    SyncListener.NONE);

            SyncOutcome outcome = sync.sync(SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL));

            assertThat(outcome).isInstanceOfSatisfying(SyncOutcome.Ran.class, ran -> {
                assertThat(ran.report().error()).as("the run's error").isEmpty();
                // partial exactly when some referral failed (and was quarantined)
                assertThat(ran.report().status())
                        .isEqualTo(ran.report().failedCount() > 0 ? SyncStatus.PARTIAL : SyncStatus.SUCCEEDED);
                assertThat(ran.report().failedReasons().keySet())
                        .allSatisfy(reason -> assertThat(reason).isNotBlank());
            });
        });
    }

    /** An envelope, sometimes with its text corrupted at a random place. */
    static String page(SplittableRandom r) {
        String body = envelope(r);
        return switch (r.nextInt(6)) {
            case 0 -> corrupted(body, r);
            case 1 ->
                pick(
                        List.of(
                                "",
                                " ",
                                "[]",
                                "null",
                                "\"value\"",
                                "<html>gateway</html>",
                                "{",
                                "{}",
                                "{\"value\":null}",
                                "{\"value\":{}}",
                                "{\"value\":[]} trailing",
                                "{\"value\":[]}{}",
                                "\ufeff{\"value\":[]}"),
                        r);
            default -> body;
        };
    }

    /** {@code {"@odata.count", "value": [...], "@odata.nextLink"}} with each part odd now and then. */
    static String envelope(SplittableRandom r) {
        StringBuilder items = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            items.append(items.isEmpty() ? "" : ",")
                    .append(
                            switch (r.nextInt(4)) {
                                case 0 -> ReferralDocuments.base(r);
                                case 1 -> ReferralDocuments.rawJson(r);
                                default -> ReferralDocuments.mutated(r);
                            });
        }
        StringBuilder body = new StringBuilder("{");
        if (r.nextBoolean()) {
            body.append("\"@odata.count\":")
                    .append(
                            r.nextInt(3) == 0
                                    ? ReferralDocuments.rawJson(r)
                                    : pick(List.of("7", "0", "-1", "1.5", "9223372036854775807", "\"7\"", "null"), r))
                    .append(',');
        }
        body.append("\"value\":").append(r.nextInt(15) == 0 ? ReferralDocuments.rawJson(r) : "[" + items + "]");
        if (r.nextBoolean()) {
            body.append(",\"@odata.nextLink\":")
                    .append(r.nextInt(3) == 0 ? ReferralDocuments.rawJson(r) : ReferralDocuments.json(nextLink(r)));
        }
        if (r.nextInt(4) == 0) {
            body.append(',')
                    .append(ReferralDocuments.json(HostileStrings.upTo(r, 30)))
                    .append(':')
                    .append(ReferralDocuments.rawJson(r));
        }
        return body.append('}').toString();
    }

    private static String nextLink(SplittableRandom r) {
        return pick(
                List.of(
                        "https://api.partner.microsoft.com/v1.0/engagements/referrals?$skiptoken=abc",
                        "http://api.partner.microsoft.com/v1.0/engagements/referrals?$skiptoken=abc",
                        "https://evil.example/steal",
                        "https://user:pw@api.partner.microsoft.com/x",
                        "/v1.0/engagements/referrals?page=2",
                        "?$skiptoken=" + HostileStrings.upTo(r, 40),
                        "https://api.partner.microsoft.com:8443/x",
                        "javascript:alert(1)",
                        "https://api.partner.microsoft.com/x#frag",
                        "https://[::1]/x",
                        "http://%zz",
                        "https://api.partner.microsoft.com/a b",
                        HostileStrings.any(r)),
                r);
    }

    /** The text cut short, a character dropped, replaced or inserted, or garbage appended. */
    private static String corrupted(String body, SplittableRandom r) {
        int at = body.isEmpty() ? 0 : r.nextInt(body.length());
        String noise = HostileStrings.mixture(r, 1);
        return switch (r.nextInt(5)) {
            case 0 -> body.substring(0, at);
            case 1 -> body.substring(0, at) + body.substring(Math.min(body.length(), at + 1));
            case 2 -> body.substring(0, at) + noise + body.substring(Math.min(body.length(), at + 1));
            case 3 -> body.substring(0, at) + noise + body.substring(at);
            default -> body + noise;
        };
    }
}
