package io.hunterreferrals.postgres;

import io.hunterreferrals.core.query.PageRequest;
import java.util.function.LongSupplier;

/** The total of a paged listing, without a COUNT when the page itself already tells it. */
final class Totals {

    private Totals() {
    }

    static long total(int rowsOnPage, PageRequest page, LongSupplier count) {
        if (rowsOnPage > 0 && rowsOnPage < page.pageSize()) {
            return page.offset() + rowsOnPage; // a partly filled page is the last one
        }
        if (rowsOnPage == 0 && page.offset() == 0) {
            return 0;
        }
        // rows and count are two statements: never report fewer than were returned
        return Math.max(count.getAsLong(), rowsOnPage == 0 ? 0 : page.offset() + rowsOnPage);
    }
}
