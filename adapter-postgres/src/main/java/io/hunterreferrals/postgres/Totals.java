package io.hunterreferrals.postgres;

import io.hunterreferrals.core.query.PageRequest;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * The total of a paged listing: no COUNT when the page itself already tells it, otherwise a count that stops after
 * {@link #CAP} matching rows ({@code SELECT count(*) FROM (SELECT 1 ... LIMIT cap + 1)}), so a listing with hundreds of
 * thousands of matches costs at most {@code cap} rows of counting. Below the cap the total is exact; at the cap it is
 * reported as the cap with {@code exact = false} ("more than cap").
 */
final class Totals {

    /** Matching rows counted at most; beyond this the total is reported as a lower bound. */
    static final long CAP = 1_000;

    /** A total and whether it is exact (not exact: more than {@code total} rows match). */
    record Total(long total, boolean exact) {}

    private Totals() {}

    /** An exact total ({@code count} counts every matching row), for short listings such as the sync runs. */
    static long exact(int rowsOnPage, PageRequest page, LongSupplier count) {
        if (rowsOnPage > 0 && rowsOnPage < page.pageSize()) {
            return page.offset() + rowsOnPage; // a partly filled page is the last one
        }
        if (rowsOnPage == 0 && page.offset() == 0) {
            return 0;
        }
        // rows and count are two statements: never report fewer than were returned
        return Math.max(count.getAsLong(), rowsOnPage == 0 ? 0 : page.offset() + rowsOnPage);
    }

    /**
     * A total counted to at most {@code cap} rows (or to this page's end, if further).
     *
     * @param countAtMost given a limit, returns the number of matching rows or the limit if there are at least that
     *     many
     */
    static Total total(int rowsOnPage, PageRequest page, long cap, LongUnaryOperator countAtMost) {
        if (rowsOnPage > 0 && rowsOnPage < page.pageSize()) {
            return new Total(page.offset() + rowsOnPage, true); // a partly filled page is the last one
        }
        if (rowsOnPage == 0 && page.offset() == 0) {
            return new Total(0, true);
        }
        // A page beyond the cap still learns whether a next page exists: count at least to this page's end + 1.
        long counted = Math.max(cap, page.offset() + page.pageSize());
        long found = countAtMost.applyAsLong(counted + 1);
        if (found > counted) {
            return new Total(counted, false);
        }
        // rows and count are two statements: never report fewer than were returned
        return new Total(Math.max(found, rowsOnPage == 0 ? 0 : page.offset() + rowsOnPage), true);
    }
}
