-- The lead listing's orders besides domain (companies_domain_key): name A to Z and newest first. Without these, a
-- page of 1M companies sorted by name would sort the whole table on every request.
CREATE INDEX companies_name_idx ON companies (name, id);
CREATE INDEX companies_created_idx ON companies (created_at DESC, id DESC);
