package io.hunterreferrals.core.sync;

import java.util.OptionalLong;

/**
 * How far a running sync has got. Created and updated are kept apart, like in {@link SyncReport}, so a run's live
 * status shows the same split as its final report.
 *
 * @param pagesFetched pages fetched so far
 * @param fetched referrals fetched so far
 * @param created referrals created so far
 * @param updated referrals updated so far
 * @param skipped referrals skipped so far
 * @param failed referrals failed so far
 * @param expectedTotal the total the source announced, when it did
 */
public record SyncProgress(
        int pagesFetched, int fetched, int created, int updated, int skipped, int failed, OptionalLong expectedTotal) {

    /** Referrals created or updated so far. */
    public int succeeded() {
        return created + updated;
    }
}
