package io.hunterreferrals.core.sync;

import java.util.OptionalLong;

/**
 * How far a running sync has got.
 *
 * @param pagesFetched  pages fetched so far
 * @param fetched       referrals fetched so far
 * @param succeeded     referrals created or updated so far
 * @param skipped       referrals skipped so far
 * @param failed        referrals failed so far
 * @param expectedTotal the total the source announced, when it did
 */
public record SyncProgress(int pagesFetched, int fetched, int succeeded, int skipped, int failed, OptionalLong expectedTotal) {
}
