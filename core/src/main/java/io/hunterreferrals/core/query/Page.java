package io.hunterreferrals.core.query;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a listing and the number of matching items.
 *
 * <p>{@code total} is exact when {@code totalExact}; otherwise the listing stopped counting at a cap and {@code total}
 * is a lower bound: more than {@code total} items match (at least one more page exists).
 */
public record Page<T>(List<T> items, long total, boolean totalExact, PageRequest request) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(request, "request");
        if (total < items.size()) {
            throw new IllegalArgumentException("total is smaller than the page");
        }
    }

    /** A page with an exact total. */
    public Page(List<T> items, long total, PageRequest request) {
        this(items, total, true, request);
    }

    /** The number of pages, or of the pages counted so far when the total is not exact. */
    public long totalPages() {
        return (total + request.pageSize() - 1) / request.pageSize();
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, totalExact, request);
    }
}
