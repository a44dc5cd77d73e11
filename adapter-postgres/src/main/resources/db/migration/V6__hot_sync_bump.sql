-- A sync fetches every referral again and, when its content is unchanged, writes only synced_at and last_sync_run_id.
-- PostgreSQL can make that write a HOT update (the new row version goes on the same heap page, no index gets an
-- entry) only when no index covers a changed column and the page has room for the new version. Before this
-- migration neither held: four indexes had synced_at in their key and pages were packed full, so every unchanged
-- referral cost a full new row plus an entry in each of the table's indexes, trigram GIN included (an unchanged sync
-- of 100,000 referrals: 18 s; with this migration: about 7 s; docs/benchmarks.md § Referral upsert, ADR 0009).

-- 1. No index on synced_at. The inbox's default order is now changed_at (last content change: new and changed
--    referrals first); the filter indexes keep their shape with changed_at in synced_at's place. ORDER BY synced_at
--    (the runbooks' "last 5 synced" query, the synced_desc sort) reads the table instead.
DROP INDEX pcr_synced_at_idx;
DROP INDEX pcr_link_status_idx;
CREATE INDEX pcr_link_status_idx ON partner_center_referrals (link_status, changed_at DESC, referral_id)
    INCLUDE (referral_type, status);
DROP INDEX pcr_referral_type_idx;
CREATE INDEX pcr_referral_type_idx ON partner_center_referrals (referral_type, changed_at DESC, referral_id)
    INCLUDE (link_status, status);
DROP INDEX pcr_status_idx;
CREATE INDEX pcr_status_idx ON partner_center_referrals (lower(status), changed_at DESC, referral_id)
    INCLUDE (link_status, referral_type, status);

-- 2. Room for the new versions. A sync writes the referrals of a heap page in one transaction (pages are filled in
--    the order syncs fetch), so the page must hold a second version of each of its rows until that transaction
--    commits; the previous versions are pruned the next time the page is written. fillfactor 50 leaves that room.
-- 3. Small row versions. The raw payload (about 1.5 KB) is stored out of line (TOAST) once a row is over 1 KB, so a
--    version of a row is its ~0.7 KB of columns and a pointer; a bump copies that, not the payload. Reading a
--    referral's raw payload (detail with raw=true) costs one more index lookup; the inbox and leads never read it.
-- Both apply to rows written from now on: a stored row moves to the new layout the next time a sync writes it.
ALTER TABLE partner_center_referrals SET (fillfactor = 50, toast_tuple_target = 1024);
