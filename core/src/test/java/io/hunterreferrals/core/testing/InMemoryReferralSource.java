package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralSource;
import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourcePage;
import io.hunterreferrals.core.sync.SourceQuery;
import io.hunterreferrals.core.sync.SourceRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@link ReferralSource} in memory that honours the query like Partner Center does: direction and
 * {@code updatedDateTime ge} filters on the server side, ascending by update time, fixed-size pages.
 */
public final class InMemoryReferralSource implements ReferralSource {

    private final int pageSize;
    private final Map<ReferralId, Referral> referrals = new LinkedHashMap<>();
    private final List<SourceRecord.Unreadable> unreadable = new ArrayList<>();
    private final List<SourceQuery> queries = new ArrayList<>();
    private ReferralSourceException failure;
    private int failurePage;

    public InMemoryReferralSource(int pageSize) {
        this.pageSize = pageSize;
    }

    public synchronized InMemoryReferralSource put(Referral... added) {
        for (Referral referral : added) {
            referrals.put(referral.id(), referral);
        }
        return this;
    }

    /** An unreadable record delivered on the first page. */
    public synchronized InMemoryReferralSource putUnreadable(SourceRecord.Unreadable record) {
        unreadable.add(record);
        return this;
    }

    /** Partner Center no longer sends the unreadable records (fixed or deleted). */
    public synchronized InMemoryReferralSource clearUnreadable() {
        unreadable.clear();
        return this;
    }

    /** Fetching page {@code page} (1-based) of every later query throws {@code exception}. */
    public synchronized InMemoryReferralSource failOnPage(int page, ReferralSourceException exception) {
        this.failurePage = page;
        this.failure = exception;
        return this;
    }

    public synchronized InMemoryReferralSource healed() {
        this.failure = null;
        return this;
    }

    public synchronized List<SourceQuery> queries() {
        return List.copyOf(queries);
    }

    @Override
    public synchronized PageCursor open(SourceQuery query) {
        queries.add(query);
        if (query.named()) {
            return named(query);
        }
        List<SourceRecord> matching = new ArrayList<>(unreadable);
        referrals.values().stream()
                .filter(r -> query.directions().isEmpty()
                        || query.directions().stream()
                                .anyMatch(d -> d.equalsIgnoreCase(r.direction().raw())))
                .filter(r -> query.updatedSince().isEmpty()
                        || (r.updatedAt() != null
                                && !r.updatedAt().isBefore(query.updatedSince().get())))
                .sorted(Comparator.comparing(Referral::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(r -> matching.add(new SourceRecord.Readable(r)));
        ReferralSourceException pageFailure = failure;
        int failingPage = failurePage;
        return new PageCursor() {
            private int next = 1;

            @Override
            public Optional<SourcePage> nextPage() {
                if (pageFailure != null && next == failingPage) {
                    throw pageFailure;
                }
                int from = (next - 1) * pageSize;
                if (from >= matching.size()) {
                    return Optional.empty();
                }
                List<SourceRecord> records = matching.subList(from, Math.min(from + pageSize, matching.size()));
                return Optional.of(new SourcePage(next++, records, OptionalLong.of(matching.size())));
            }
        };
    }

    /** Like {@code GET .../referrals/{id}} for each: one page, in the order named, without those it does not have. */
    private PageCursor named(SourceQuery query) {
        if (failure != null && failurePage == 1) {
            ReferralSourceException pageFailure = failure;
            return () -> {
                throw pageFailure;
            };
        }
        List<SourceRecord> found = query.referrals().stream()
                .filter(referrals::containsKey)
                .map(id -> (SourceRecord) new SourceRecord.Readable(referrals.get(id)))
                .toList();
        return new PageCursor() {
            private boolean read;

            @Override
            public Optional<SourcePage> nextPage() {
                if (read) {
                    return Optional.empty();
                }
                read = true;
                return Optional.of(new SourcePage(1, found, OptionalLong.empty()));
            }
        };
    }
}
