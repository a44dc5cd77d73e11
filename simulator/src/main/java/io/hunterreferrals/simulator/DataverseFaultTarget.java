package io.hunterreferrals.simulator;

/** Which requests a {@link DataverseFault} may hit. */
public enum DataverseFaultTarget {
    /** The Entra ID token endpoint. */
    TOKEN,
    /** {@code GET WhoAmI}. */
    WHO_AM_I,
    /** {@code EntityDefinitions(...)}: columns and keys. */
    METADATA,
    /** GETs of leads and transactioncurrencies. */
    READ,
    /** A {@code PATCH leads(...)} sent on its own, not inside a batch. */
    UPSERT,
    /** A {@code $batch} request as a whole: the fault replaces the whole batch response. */
    BATCH,
    /** One operation inside a {@code $batch}: the fault becomes that operation's response part. */
    BATCH_ITEM,
    /** Any Web API request on its own (WhoAmI, metadata, reads, upserts, $batch); not the token endpoint, not items. */
    WEB_API;

    boolean matches(DataverseFaultTarget hit) {
        if (this == WEB_API) {
            return hit != TOKEN && hit != BATCH_ITEM;
        }
        return this == hit;
    }
}
