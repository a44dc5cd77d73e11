-- Inbox filter combinations (GET /api/v1/partner-center/referrals?link_status=...&referral_type=...&status=...): each
-- filter index of V3 also carries the other filter columns (INCLUDE, not key columns, so every index keeps its order
-- (filter, synced_at DESC, referral_id) for the page). The capped total of a combination
-- (SELECT count(*) FROM (SELECT 1 ... WHERE a AND b LIMIT 1001)) then runs as an index-only scan of one filter's index
-- that checks the other filters in the index tuple, instead of reading the table (PostgreSQL chose a sequential scan
-- with LIMIT for it: 13 ms for link_status + referral_type at 200,000 referrals; index-only 0.7 ms). No index is
-- added, so a sync write updates as many indexes as before (docs/benchmarks.md, "HTTP inbox and leads").
-- status is included as the plain column: an index-only scan can compute the filter's lower(status) from it.
DROP INDEX pcr_link_status_idx;
CREATE INDEX pcr_link_status_idx ON partner_center_referrals (link_status, synced_at DESC, referral_id)
    INCLUDE (referral_type, status);
DROP INDEX pcr_referral_type_idx;
CREATE INDEX pcr_referral_type_idx ON partner_center_referrals (referral_type, synced_at DESC, referral_id)
    INCLUDE (link_status, status);
DROP INDEX pcr_status_idx;
CREATE INDEX pcr_status_idx ON partner_center_referrals (lower(status), synced_at DESC, referral_id)
    INCLUDE (link_status, referral_type, status);
