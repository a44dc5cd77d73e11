package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Cuts one list page out of the index, in time proportional to the rows walked, not the data set. The product's query
 * ({@code $orderby=updatedDateTime asc}, any filter) starts at the skiptoken's position by binary search in the sorted
 * view and walks forward until the page (plus one row, to know whether there is a next page) is full; insertion order
 * walks the sequence list the same way. Other orders (createdDateTime, desc) are not sent by the product and fall back
 * to a full filter-and-sort per page, as the simulator always did. Only JSON for the rows on the page is rendered.
 * Callers hold the store's lock.
 */
final class ReferralPages {

    record Page(List<JsonNode> items, int total, SkipToken next) {}

    private final ReferralIndex index;
    private final ReferralGenerator generator;
    private String countedFilter;
    private long countedVersion = -1;
    private int counted;

    ReferralPages(ReferralIndex index, ReferralGenerator generator) {
        this.index = index;
        this.generator = generator;
    }

    Page page(SkipToken position) {
        ListQuery query = position.query();
        FilterExpression filter = query.filterExpression();
        Iterator<StoredReferral> walk = walk(query, position.after(), filter);
        // Keyset pages ignore $skip; only the first page (no position yet) honours it.
        int toSkip = position.after() == null ? query.skip() : 0;
        List<StoredReferral> slice = new ArrayList<>(query.top());
        boolean more = false;
        while (walk.hasNext()) {
            StoredReferral row = walk.next();
            if (!filter.test(row.fields(generator))) {
                continue;
            }
            if (toSkip > 0) {
                toSkip--;
            } else if (slice.size() < query.top()) {
                slice.add(row);
            } else {
                more = true;
                break;
            }
        }
        SkipToken next =
                more ? new SkipToken(query, slice.getLast().position(query.orderBy()), position.page() + 1) : null;
        List<JsonNode> items = slice.stream().map(r -> r.render(generator)).toList();
        return new Page(items, count(query.filter(), filter), next);
    }

    /** Rows after {@code after} in the query's order, unfiltered where an index serves the order. */
    private Iterator<StoredReferral> walk(ListQuery query, SortPosition after, FilterExpression filter) {
        if ("updatedDateTime".equals(query.orderBy()) && !query.descending()) {
            var view = after == null ? index.byUpdated() : index.byUpdated().tailMap(after, false);
            return view.values().iterator();
        }
        if (query.orderBy() == null) {
            return new Iterator<>() {
                private long seq = after == null ? 0 : after.seq() + 1;
                private StoredReferral next = advance();

                private StoredReferral advance() {
                    while (seq < index.nextSeq()) {
                        StoredReferral row = index.atSeq(seq++);
                        if (row != null) {
                            return row;
                        }
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public StoredReferral next() {
                    StoredReferral row = next;
                    next = advance();
                    return row;
                }
            };
        }
        // Fallback scan for orders the product never sends: filter and sort everything, then drop what was sent.
        Comparator<SortPosition> order = SortPosition.order(query.descending());
        return index.inOrder().stream()
                .filter(r -> filter.test(r.fields(generator)))
                .filter(r -> after == null || order.compare(r.position(query.orderBy()), after) > 0)
                .sorted(Comparator.comparing(r -> r.position(query.orderBy()), order))
                .iterator();
    }

    /**
     * {@code @odata.count}: a full scan, but of compact rows, and once per filter while the data is unchanged, so
     * paging a sync counts on its first page only.
     */
    private int count(String filterText, FilterExpression filter) {
        if (countedVersion == index.version() && java.util.Objects.equals(countedFilter, filterText)) {
            return counted;
        }
        int n = 0;
        if (filter instanceof FilterExpression.All) {
            n = index.size();
        } else {
            for (StoredReferral row : index.inOrder()) {
                if (filter.test(row.fields(generator))) {
                    n++;
                }
            }
        }
        countedFilter = filterText;
        countedVersion = index.version();
        counted = n;
        return n;
    }
}
