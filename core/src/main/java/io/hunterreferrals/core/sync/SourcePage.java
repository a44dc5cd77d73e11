package io.hunterreferrals.core.sync;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of referrals from a source.
 *
 * @param number 1 for the first page
 * @param records the page's referrals in source order
 * @param totalCount the total the source announced for the whole query, when it did ({@code @odata.count})
 */
public record SourcePage(int number, List<SourceRecord> records, OptionalLong totalCount) {

    public SourcePage {
        if (number < 1) {
            throw new IllegalArgumentException("pages are numbered from 1");
        }
        records = List.copyOf(records);
    }
}
