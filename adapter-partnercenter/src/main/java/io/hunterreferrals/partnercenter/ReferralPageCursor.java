package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.sync.ReferralSource;
import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.core.sync.SourcePage;
import io.hunterreferrals.core.sync.SourceRecord;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks one query's pages: the first URI, then each {@code @odata.nextLink} verbatim, one page per call, until there is
 * no link. A link that must not be followed (foreign, repeated) or a page past the cap ends the walk with
 * {@link SourceFailure#PAGING}, but only on the call after the page that carried it: that page's referrals are good and
 * are delivered first. A failure is sticky: later calls throw it again rather than look like the end of the data.
 */
final class ReferralPageCursor implements ReferralSource.PageCursor {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralPageCursor.class);

    private final ApiCaller caller;
    private final NextLinkGuard guard;
    private final int maxPages;
    private final PartnerCenterListener listener;
    private final Set<String> requested = new HashSet<>();
    private URI next;
    private int pages;
    private ReferralSourceException failure;

    ReferralPageCursor(ApiCaller caller, NextLinkGuard guard, int maxPages, PartnerCenterListener listener, URI first) {
        this.caller = caller;
        this.guard = guard;
        this.maxPages = maxPages;
        this.listener = listener;
        this.next = first;
    }

    @Override
    public Optional<SourcePage> nextPage() {
        if (failure != null) {
            throw failure;
        }
        if (next == null) {
            return Optional.empty();
        }
        if (pages >= maxPages) {
            throw fail(new ReferralSourceException(
                    SourceFailure.PAGING,
                    "Partner Center still had more pages after the"
                            + " page cap of " + maxPages
                            + "; paging stopped. Raise the max-pages setting if the data really is"
                            + " that large.",
                    null,
                    "page_cap_reached",
                    null,
                    null));
        }
        URI uri = next;
        requested.add(uri.toString());
        int number = pages + 1;
        long started = System.nanoTime();
        ApiResponse response;
        try {
            response = caller.get(uri, number);
        } catch (ReferralSourceException e) {
            throw fail(e);
        }
        PageParser.ParsedPage parsed;
        try {
            parsed = PageParser.parse(response.body());
        } catch (PageParser.MalformedPage e) {
            throw fail(new ReferralSourceException(
                    SourceFailure.MALFORMED_PAGE,
                    "Partner Center returned page " + number
                            + " in an unexpected form: " + e.getMessage() + " (request id " + response.requestId()
                            + "). The sync stopped; report the request id if it persists.",
                    response.status(),
                    null,
                    response.requestId(),
                    e));
        }
        List<SourceRecord> records =
                parsed.items().stream().map(ReferralMapper::map).toList();
        pages = number;
        next = null;
        parsed.nextLink().ifPresent(link -> follow(link, uri, response.requestId()));

        int unreadable = (int) records.stream()
                .filter(r -> r instanceof SourceRecord.Unreadable)
                .count();
        LOG.atDebug()
                .addKeyValue("page", number)
                .addKeyValue("referrals", records.size())
                .addKeyValue("unreadable", unreadable)
                .addKeyValue("more", next != null)
                .addKeyValue("request_id", response.requestId())
                .log("partner_center_page_received");
        listener.onPage(new PageEvent(
                number,
                records.size(),
                unreadable,
                parsed.totalCount(),
                response.attempts(),
                Duration.ofNanos(System.nanoTime() - started),
                Optional.ofNullable(response.requestId())));
        return Optional.of(new SourcePage(number, records, parsed.totalCount()));
    }

    private void follow(String link, URI current, String requestId) {
        URI candidate;
        try {
            candidate = guard.check(link, current, requestId);
        } catch (ReferralSourceException e) {
            failure = e;
            return;
        }
        if (requested.contains(candidate.toString())) {
            failure = new ReferralSourceException(
                    SourceFailure.PAGING,
                    "Partner Center returned an @odata.nextLink that"
                            + " was already requested in this sync; following it would loop forever, so "
                            + "paging stopped (request"
                            + " id " + requestId + ").",
                    null,
                    "repeated_next_link",
                    requestId,
                    null);
            return;
        }
        next = candidate;
    }

    private ReferralSourceException fail(ReferralSourceException e) {
        failure = e;
        next = null;
        return e;
    }
}
