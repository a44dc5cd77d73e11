package io.hunterreferrals.core.webhook;

/** What the queue did with a hint it was offered. */
public enum HintOffer {
    /** New: it waits for the worker. */
    QUEUED("queued"),
    /** Met before (Partner Center retried, or someone replayed a call): nothing changes. */
    DUPLICATE("duplicate"),
    /** A {@code test-created} event: recorded as the last test received, never applied. */
    TEST("test");

    private final String code;

    HintOffer(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
