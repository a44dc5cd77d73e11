package io.hunterreferrals.core.query;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** One page of a listing and the total number of matching items. */
public record Page<T>(List<T> items, long total, PageRequest request) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(request, "request");
        if (total < items.size()) {
            throw new IllegalArgumentException("total is smaller than the page");
        }
    }

    public long totalPages() {
        return (total + request.pageSize() - 1) / request.pageSize();
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, request);
    }
}
