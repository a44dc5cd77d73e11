-- Issue 11: every inbox order the UI offers is served by an index, as changed_desc and updated_desc are (V3, V6).
-- Without these, created_desc, company_asc and deal_value_desc were a top-N sort of the whole table: 230–260 ms at
-- 200,000 referrals (docs/benchmarks.md, "Read queries"). Each matches InboxRows.orderBy exactly (direction, NULLS
-- placement, the referral_id tie-break), so a page is an index range scan.
--
-- None of these columns changes when the sync bumps an unchanged referral (only synced_at and last_sync_run_id do,
-- and no index holds them: ADR 0009), so that bump stays a HOT update; a changed referral's write maintains three
-- more entries, a cost the upsert benchmark measures against a COPY floor with the same indexes.
-- synced_desc stays unindexed for the same reason; the UI no longer offers it (the API still does).
CREATE INDEX pcr_pc_created_at_idx ON partner_center_referrals (pc_created_at DESC NULLS LAST, referral_id);
CREATE INDEX pcr_company_name_idx ON partner_center_referrals (company_name ASC NULLS LAST, referral_id);
CREATE INDEX pcr_deal_value_idx ON partner_center_referrals (deal_value DESC NULLS LAST, referral_id);
