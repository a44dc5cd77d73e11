-- Leads filtered by referral type (GET /api/v1/leads?referral_type=...): the companies that have a linked referral of
-- that type. With this index the lead page checks each company, in domain order, with an index-only probe, and the
-- capped total reads the distinct linked companies of the type in index order instead of walking every company
-- (docs/benchmarks.md, "HTTP inbox and leads").
CREATE INDEX pcr_type_linked_company_idx ON partner_center_referrals (referral_type, linked_company_id)
    WHERE linked_company_id IS NOT NULL;
