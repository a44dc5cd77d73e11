package io.hunterreferrals.core.query;

/** Which page of a listing to return: pages count from 1, sizes are 1 to 200. */
public record PageRequest(int page, int pageSize) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    public static final PageRequest FIRST = new PageRequest(1, DEFAULT_SIZE);

    public PageRequest {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, was " + page);
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new IllegalArgumentException("page_size must be between 1 and " + MAX_SIZE + ", was " + pageSize);
        }
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }
}
