package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralSource;
import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.core.sync.SourcePage;
import io.hunterreferrals.core.sync.SourceRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A query that names its referrals (the webhook hints' run): each one is read with {@code GET .../referrals/{id}},
 * through the same {@link ApiCaller} as a list page (token, retries, budget per referral), and all of them come back as
 * one page, in the order named. A referral Partner Center answers 404 for is left out and reported, not failed: it was
 * deleted, or the signed-in user no longer sees it, and the list reads will not find it either. No {@code $filter}
 * applies here; the sync's own filter decides on what was read.
 *
 * <p>Any other failure ends the read with the referral's typed exception, and is sticky like a list cursor's.
 */
final class NamedReferralCursor implements ReferralSource.PageCursor {

    private static final Logger LOG = LoggerFactory.getLogger(NamedReferralCursor.class);

    private final ApiCaller caller;
    private final ReferralsApiConfig config;
    private final PartnerCenterListener listener;
    private final List<ReferralId> referrals;
    private boolean done;
    private ReferralSourceException failure;

    NamedReferralCursor(
            ApiCaller caller, ReferralsApiConfig config, PartnerCenterListener listener, List<ReferralId> referrals) {
        this.caller = caller;
        this.config = config;
        this.listener = listener;
        // A referral named twice is read once: the page must not hold it twice.
        this.referrals = List.copyOf(new LinkedHashSet<>(referrals));
    }

    @Override
    public Optional<SourcePage> nextPage() {
        if (failure != null) {
            throw failure;
        }
        if (done) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        List<SourceRecord> records = new ArrayList<>();
        int attempts = 0;
        String lastRequestId = null;
        for (ReferralId id : referrals) {
            ApiResponse response;
            try {
                response = caller.call(ApiCall.referral(config.referralUri(id)));
            } catch (ReferralSourceException e) {
                throw fail(e);
            }
            attempts += response.attempts();
            lastRequestId = response.requestId() == null ? lastRequestId : response.requestId();
            if (response.status() == 404) {
                notFound(id, response);
                continue;
            }
            records.add(map(id, response));
        }
        done = true;
        int unreadable = (int) records.stream()
                .filter(r -> r instanceof SourceRecord.Unreadable)
                .count();
        LOG.atDebug()
                .addKeyValue("named", referrals.size())
                .addKeyValue("referrals", records.size())
                .addKeyValue("unreadable", unreadable)
                .log("partner_center_named_referrals_received");
        listener.onPage(new PageEvent(
                1,
                records.size(),
                unreadable,
                OptionalLong.empty(),
                attempts,
                Duration.ofNanos(System.nanoTime() - started),
                Optional.ofNullable(lastRequestId)));
        return Optional.of(new SourcePage(1, records, OptionalLong.empty()));
    }

    private SourceRecord map(ReferralId id, ApiResponse response) {
        PageParser.RawItem item;
        try {
            item = EntityParser.parse(response.body());
        } catch (PageParser.MalformedPage e) {
            // Not JSON at all: the response, not the referral, is broken (a list page would fail the same way).
            throw fail(new ReferralSourceException(
                    SourceFailure.MALFORMED_PAGE,
                    "Partner Center returned referral " + id + " in an unexpected form: " + e.getMessage()
                            + " (request id " + response.requestId()
                            + "). The sync stopped; report the request id if it persists.",
                    response.status(),
                    null,
                    response.requestId(),
                    e));
        }
        SourceRecord record = ReferralMapper.map(item);
        // The id asked for names a referral that reads as nothing else, so the quarantine can still show which one.
        if (record instanceof SourceRecord.Unreadable u && u.referralId().isEmpty()) {
            return new SourceRecord.Unreadable(Optional.of(id.value()), u.reason(), u.updatedDateTime(), u.payload());
        }
        return record;
    }

    private void notFound(ReferralId id, ApiResponse response) {
        LOG.atInfo()
                .addKeyValue("referral_id", id.value())
                .addKeyValue("request_id", response.requestId())
                .log("partner_center_referral_not_found");
        listener.onReferralNotFound(new ReferralNotFoundEvent(id, Optional.ofNullable(response.requestId())));
    }

    private ReferralSourceException fail(ReferralSourceException e) {
        failure = e;
        done = true;
        return e;
    }
}
