-- Issue 13: the push of stored referrals to Dynamics 365 as leads. The values a lead is made of that a referral row
-- did not hold yet, what the last push did with each referral (dynamics_push_state), and the record of push runs
-- (dynamics_push_runs). Like V9, nothing here depends on search_path or compares whole rows, so a backup restores.

-- ---------------------------------------------------------------------------------------------------------------
-- partner_center_referrals: the notes and the first customer contact, as core's Referral carries them now.
-- ---------------------------------------------------------------------------------------------------------------
-- No index covers them, so a sync's bump of an unchanged referral stays a HOT update (V6).
ALTER TABLE partner_center_referrals
    ADD COLUMN notes text,
    ADD COLUMN contact_first_name text,
    ADD COLUMN contact_last_name text,
    ADD COLUMN contact_email text,
    ADD COLUMN contact_phone text;

COMMENT ON COLUMN partner_center_referrals.notes IS 'details.notes, as received (blank = NULL); personal data: never logged.';
COMMENT ON COLUMN partner_center_referrals.contact_first_name IS 'The first customer team member''s first name (customerProfile.team[0]); personal data.';
COMMENT ON COLUMN partner_center_referrals.contact_last_name IS 'The first customer team member''s last name; personal data.';
COMMENT ON COLUMN partner_center_referrals.contact_email IS 'The first customer team member''s e-mail address; personal data.';
COMMENT ON COLUMN partner_center_referrals.contact_phone IS 'The first customer team member''s phone number, as given; personal data.';

-- The one-time back-fill of the rows stored before this migration. It is the only place SQL knows the payload's
-- shape: from now on the sync writes these columns from the mapped referral (ReferralColumns), and a row the sync
-- does not change again keeps what is read here, so this reads raw_data the way adapter-partnercenter's
-- ReferralMapper reads the payload:
-- * a field is text when it is a JSON string, number or boolean (JsonFields.textOrNull takes scalars as their text;
--   a number's text may differ in form, 1e3 reads "1000" here and "1000.0" there); an object, an array, null or a
--   missing key is NULL, and so is a blank value;
-- * a contact's values are stripped of surrounding white space (CustomerContact), the notes are not;
-- * the first contact is the first member of customerProfile.team (an array, or one object in its place) that is an
--   object with at least one of the four values: CustomerProfile drops empty members before primaryContact().
-- NUL characters need no stripping: jsonb cannot hold \u0000 (the sync stored U+FFFD in its place, PostgresText),
-- so no value read from raw_data contains one. The helper is dropped again at the end: it is no part of the schema.
CREATE FUNCTION v10_lenient_text(value jsonb, strip boolean) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $body$
    SELECT CASE WHEN t IS NULL OR t ~ '^[[:space:]]*$' THEN NULL
                WHEN strip THEN regexp_replace(t, '^[[:space:]]+|[[:space:]]+$', '', 'g')
                ELSE t END
      FROM (SELECT CASE WHEN jsonb_typeof(value) IN ('string', 'number', 'boolean') THEN value #>> '{}' END) AS v(t)
    $body$;

UPDATE partner_center_referrals p
   SET notes = r.notes, contact_first_name = r.first_name, contact_last_name = r.last_name,
       contact_email = r.email, contact_phone = r.phone
  FROM (SELECT s.referral_id, v10_lenient_text(s.raw_data -> 'details' -> 'notes', false) AS notes,
               c.first_name, c.last_name, c.email, c.phone
          FROM partner_center_referrals s
          LEFT JOIN LATERAL (
              SELECT m.*
                FROM (SELECT v10_lenient_text(e.member -> 'firstName', true) AS first_name,
                             v10_lenient_text(e.member -> 'lastName', true) AS last_name,
                             v10_lenient_text(e.member -> 'email', true) AS email,
                             v10_lenient_text(e.member -> 'phoneNumber', true) AS phone,
                             e.n
                        FROM jsonb_array_elements(CASE jsonb_typeof(s.raw_data -> 'customerProfile' -> 'team')
                                 WHEN 'array' THEN s.raw_data -> 'customerProfile' -> 'team'
                                 WHEN 'object' THEN jsonb_build_array(s.raw_data -> 'customerProfile' -> 'team')
                                 ELSE '[]'::jsonb END) WITH ORDINALITY AS e(member, n)
                       WHERE jsonb_typeof(e.member) = 'object') m
               WHERE num_nonnulls(m.first_name, m.last_name, m.email, m.phone) > 0
               ORDER BY m.n
               LIMIT 1) c ON true) r
 WHERE r.referral_id = p.referral_id
   -- a row with nothing to fill is not rewritten
   AND num_nonnulls(r.notes, r.first_name, r.last_name, r.email, r.phone) > 0;

DROP FUNCTION v10_lenient_text(jsonb, boolean);

-- ---------------------------------------------------------------------------------------------------------------
-- dynamics_push_state: what the last push did with each referral (core's PushState).
-- ---------------------------------------------------------------------------------------------------------------
-- The push finds due referrals by walking partner_center_referrals' and this table's primary keys together from its
-- keyset position (JooqPushStateStore.due: a merge join on 5,000 referrals, PushSchemaTest). Whether a referral is
-- due compares columns of both tables (referral_hash <> content_hash), so no index could skip the referrals that are
-- not: a push run reads each stored referral once, in pages, and needs no index beyond the two primary keys.
CREATE TABLE dynamics_push_state (
    referral_id     text        PRIMARY KEY REFERENCES partner_center_referrals (referral_id) ON DELETE CASCADE,
    status          text        NOT NULL,
    lead_id         text,
    lead_hash       text        NOT NULL,
    referral_hash   text        NOT NULL,
    mapping_version integer     NOT NULL,
    pushed_at       timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    last_error_code text,
    last_error      text,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT dps_status_check CHECK (status IN ('pushed', 'failed')),
    CONSTRAINT dps_attempts_check CHECK (attempts >= 0),
    CONSTRAINT dps_pushed_has_lead CHECK (status <> 'pushed' OR (lead_id IS NOT NULL AND pushed_at IS NOT NULL
        AND attempts = 0 AND last_error_code IS NULL)),
    CONSTRAINT dps_failed_has_reason CHECK (status <> 'failed' OR (last_error_code IS NOT NULL AND attempts >= 1))
);

COMMENT ON TABLE dynamics_push_state IS 'One row per referral the push has sent (or tried to send) to Dynamics 365 as a lead.';
COMMENT ON COLUMN dynamics_push_state.status IS 'pushed (the lead holds lead_hash''s values) or failed (the CRM refused them; see last_error).';
COMMENT ON COLUMN dynamics_push_state.lead_id IS 'The CRM''s lead id, once a lead exists; kept when a later attempt fails.';
COMMENT ON COLUMN dynamics_push_state.lead_hash IS 'Hash of the lead values last sent, successfully or not.';
COMMENT ON COLUMN dynamics_push_state.referral_hash IS 'partner_center_referrals.content_hash the outcome was made from: a different one makes the referral due again.';
COMMENT ON COLUMN dynamics_push_state.mapping_version IS 'core LeadMapping.VERSION the values were made with: a different one makes the referral due again.';
COMMENT ON COLUMN dynamics_push_state.pushed_at IS 'When the lead last received the values, if ever.';
COMMENT ON COLUMN dynamics_push_state.attempts IS 'Failed attempts in a row with the same lead values; 0 after a success.';
COMMENT ON COLUMN dynamics_push_state.last_error_code IS 'Why the last attempt failed (the CRM''s reason code), if it did.';
COMMENT ON COLUMN dynamics_push_state.last_error IS 'The CRM''s message for it, with its request id.';

-- ---------------------------------------------------------------------------------------------------------------
-- dynamics_push_runs: one row per push run (core's PushReport).
-- ---------------------------------------------------------------------------------------------------------------
-- Runs are kept apart by a session advisory lock (JooqPushRunLog), not by this table: the lock goes with the session
-- of a process that dies. The partial unique index only makes a second running row, which the lock rules out, fail
-- loudly (hand-written SQL, a defect) instead of showing two runs at once.
CREATE TABLE dynamics_push_runs (
    run_id                 uuid        PRIMARY KEY,
    trigger                text        NOT NULL,
    dry_run                boolean     NOT NULL DEFAULT false,
    only_referral_id       text,
    status                 text        NOT NULL,
    started_at             timestamptz NOT NULL,
    finished_at            timestamptz,
    created_count          integer     NOT NULL DEFAULT 0,
    updated_count          integer     NOT NULL DEFAULT 0,
    skipped_reasons        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    failed_reasons         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    error_code             text,
    error_message          text,
    error_http_status      integer,
    destination_error_code text,
    request_id             text,
    node                   text,
    CONSTRAINT dpr_trigger_check CHECK (trigger IN ('after_sync', 'manual', 'cli')),
    CONSTRAINT dpr_status_check CHECK (status IN ('running', 'success', 'partial', 'failed')),
    CONSTRAINT dpr_finished_check CHECK ((status = 'running') = (finished_at IS NULL)),
    CONSTRAINT dpr_failed_has_code CHECK ((status = 'failed') = (error_code IS NOT NULL)),
    CONSTRAINT dpr_counts_check CHECK (created_count >= 0 AND updated_count >= 0),
    CONSTRAINT dpr_reasons_are_objects CHECK (
        jsonb_typeof(skipped_reasons) = 'object' AND jsonb_typeof(failed_reasons) = 'object'),
    CONSTRAINT dpr_http_status_check CHECK (error_http_status IS NULL OR error_http_status BETWEEN 100 AND 599)
);

CREATE UNIQUE INDEX dynamics_push_runs_one_running ON dynamics_push_runs ((true)) WHERE status = 'running';
-- The API's and the CLI's listing: the latest runs first.
CREATE INDEX dynamics_push_runs_started_at_idx ON dynamics_push_runs (started_at DESC, run_id);

COMMENT ON TABLE dynamics_push_runs IS 'One row per push of referrals to Dynamics 365 (running or finished).';
COMMENT ON COLUMN dynamics_push_runs.trigger IS 'Who asked: after_sync (the worker), manual (UI/API) or cli.';
COMMENT ON COLUMN dynamics_push_runs.dry_run IS 'True when the run mapped and counted but wrote nothing.';
COMMENT ON COLUMN dynamics_push_runs.only_referral_id IS 'The one referral an operator asked for by id, if any.';
COMMENT ON COLUMN dynamics_push_runs.skipped_reasons IS 'JSON object reason -> count, e.g. {"unchanged": 12}.';
COMMENT ON COLUMN dynamics_push_runs.failed_reasons IS 'JSON object reason -> count of referrals the CRM refused.';
COMMENT ON COLUMN dynamics_push_runs.error_code IS 'Why the run as a whole failed (core PushErrorCode, e.g. dynamics_throttled, abandoned); set exactly when status = failed.';
COMMENT ON COLUMN dynamics_push_runs.error_http_status IS 'The CRM''s last HTTP status when the run failed, if any.';
COMMENT ON COLUMN dynamics_push_runs.destination_error_code IS 'The CRM''s own error code (Dataverse: 0x80072560 ...), if any.';
COMMENT ON COLUMN dynamics_push_runs.request_id IS 'The CRM''s request id of the failing call, for a support case.';
COMMENT ON COLUMN dynamics_push_runs.node IS 'Host and process that ran the push, e.g. host/pid.';
