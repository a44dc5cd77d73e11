-- f_search_norm() called f_unaccent() unqualified, so it only worked with the product's schema on search_path.
-- pg_dump restores with an empty search_path and computes the generated search_text columns while loading the rows,
-- so every backup failed to restore ("function f_unaccent(text) does not exist"); `hunter db backup` found it when it
-- verified its first backup. Qualify the call with the schema f_unaccent() lives in, found here as V1 found
-- unaccent's. Same result for every input, so the stored search_text values stay valid.
DO $migration$
DECLARE
    fn_schema text;
BEGIN
    SELECT n.nspname INTO STRICT fn_schema
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE p.proname = 'f_unaccent' AND pg_function_is_visible(p.oid);
    EXECUTE format(
        $ddl$CREATE OR REPLACE FUNCTION f_search_norm(text) RETURNS text
             LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
             AS $body$ SELECT lower(%1$I.f_unaccent($1)) $body$$ddl$,
        fn_schema);
END
$migration$;

-- companies_touch_updated_at compared whole rows (OLD IS DISTINCT FROM NEW). PostgreSQL let V3 add the generated
-- search_text column after that trigger existed, but refuses to create such a trigger on a table that has one
-- ("BEFORE trigger's WHEN condition cannot reference NEW generated columns"), which is what a restore does: the second
-- reason no backup restored. Compare the columns a writer sets instead; a new companies column must be added here.
DROP TRIGGER companies_touch_updated_at ON companies;
CREATE TRIGGER companies_touch_updated_at
    BEFORE UPDATE ON companies
    FOR EACH ROW
    WHEN ((OLD.domain, OLD.name, OLD.country, OLD.source, OLD.notes, OLD.created_at)
          IS DISTINCT FROM (NEW.domain, NEW.name, NEW.country, NEW.source, NEW.notes, NEW.created_at))
    EXECUTE FUNCTION f_touch_updated_at();
