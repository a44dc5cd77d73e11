/**
 * The sync use case: ports {@link io.hunterreferrals.core.sync.ReferralSource},
 * {@link io.hunterreferrals.core.sync.ReferralStore}, {@link io.hunterreferrals.core.sync.SyncRunLog} and
 * {@link io.hunterreferrals.core.sync.SyncDispatcher}; runs, pages (stored one by one, in order, while the next one is
 * fetched), the watermark, the quarantine of failed referrals, and the report.
 */
package io.hunterreferrals.core.sync;
