-- What the jOOQ stores and queries need beyond V1: company notes, a maintained companies.updated_at, lead search,
-- inbox indexes that match the queries' ORDER BY (including the referral_id tie-break) exactly, and a lead index that
-- yields a company's most recently changed referral first.

-- ---------------------------------------------------------------------------------------------------------------
-- companies
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE companies ADD COLUMN notes text;
COMMENT ON COLUMN companies.notes IS 'An operator''s notes, given when the company was created; personal data: never logged.';

-- updated_at is kept by the database, so every writer (stores, runbook SQL by hand) maintains it.
CREATE FUNCTION f_touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $body$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$body$;

CREATE TRIGGER companies_touch_updated_at
    BEFORE UPDATE ON companies
    FOR EACH ROW
    WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION f_touch_updated_at();

-- Lead search: search_text LIKE '%' || f_search_norm(:term) || '%', like partner_center_referrals.search_text.
ALTER TABLE companies ADD COLUMN search_text text GENERATED ALWAYS AS (f_search_norm(name || ' ' || domain)) STORED;
CREATE INDEX companies_search_text_trgm_idx ON companies USING gin (search_text gin_trgm_ops);
COMMENT ON COLUMN companies.search_text IS 'Generated: f_search_norm of name and domain; trigram-indexed.';

-- ---------------------------------------------------------------------------------------------------------------
-- partner_center_referrals: the inbox orders by one column and then referral_id (stable paging); an index on exactly
-- that order lets a page be read from the index without sorting the table. Nullable sort keys sort NULLS LAST.
-- ---------------------------------------------------------------------------------------------------------------
DROP INDEX pcr_synced_at_idx;
CREATE INDEX pcr_synced_at_idx ON partner_center_referrals (synced_at DESC, referral_id);
DROP INDEX pcr_changed_at_idx;
CREATE INDEX pcr_changed_at_idx ON partner_center_referrals (changed_at DESC, referral_id);
DROP INDEX pcr_pc_updated_at_idx;
CREATE INDEX pcr_pc_updated_at_idx ON partner_center_referrals (pc_updated_at DESC NULLS LAST, referral_id);

-- Filters combined with the default order (synced_at DESC, referral_id).
DROP INDEX pcr_link_status_idx;
CREATE INDEX pcr_link_status_idx ON partner_center_referrals (link_status, synced_at DESC, referral_id);
DROP INDEX pcr_referral_type_idx;
CREATE INDEX pcr_referral_type_idx ON partner_center_referrals (referral_type, synced_at DESC, referral_id);
-- The status filter is case-insensitive: lower(status) = lower(:status).
DROP INDEX pcr_status_idx;
CREATE INDEX pcr_status_idx ON partner_center_referrals (lower(status), synced_at DESC, referral_id);

-- Leads: a company's linked referrals, most recently changed first (its primary referral is the first entry).
DROP INDEX pcr_linked_company_id_idx;
CREATE INDEX pcr_linked_company_idx ON partner_center_referrals (linked_company_id, changed_at DESC, referral_id)
    WHERE linked_company_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------------------
-- sync_runs: a queued run that could not be dispatched fails without ever having started.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE sync_runs DROP CONSTRAINT sync_runs_started_check;
ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_started_check CHECK (status IN ('queued', 'failed') OR started_at IS NOT NULL);
