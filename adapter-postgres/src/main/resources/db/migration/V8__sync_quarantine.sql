-- Issue 17, defect 1. A referral that fails on its content (no id, a date that does not parse, a rule that threw) no
-- longer holds the watermark back: it goes to this quarantine in the transaction of its page, and the run ends
-- "partial" instead of "succeeded".

ALTER TABLE sync_runs DROP CONSTRAINT sync_runs_status_check;
ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_status_check
    CHECK (status IN ('queued', 'running', 'succeeded', 'partial', 'failed'));
ALTER TABLE sync_runs DROP CONSTRAINT sync_runs_finished_check;
ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_finished_check
    CHECK ((status IN ('succeeded', 'partial', 'failed')) = (finished_at IS NOT NULL));
ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_partial_has_failures CHECK (status <> 'partial' OR failed_count > 0);

-- One row per failing referral, however often runs meet it: keyed by 'id:<referral id>', or by 'sha256:<hash of the
-- payload>' for one without a usable id. A page that stores the referral deletes its row; a full run that read every
-- page deletes the rows it did not meet again. last_run_id has no foreign key on purpose: the row must outlive a
-- run that a retention job deletes, and a store used on its own (tests) writes under runs the log never recorded.
CREATE TABLE sync_quarantine (
    failure_key       text PRIMARY KEY,
    referral_id       text,
    reason            text        NOT NULL,
    last_run_id       uuid        NOT NULL,
    page              integer     NOT NULL CHECK (page >= 1),
    position          integer     NOT NULL CHECK (position >= 1),
    -- as Partner Center sent it: it may be the value that did not parse
    updated_date_time text,
    -- text, not jsonb: the payload is kept exactly as sent, even when jsonb would refuse it (a lone \ud800 escape)
    payload           text        NOT NULL,
    first_seen_at     timestamptz NOT NULL,
    last_seen_at      timestamptz NOT NULL,
    times_seen        integer     NOT NULL CHECK (times_seen >= 1),
    CONSTRAINT sync_quarantine_seen_order CHECK (first_seen_at <= last_seen_at)
);

-- The listing: the most recently met first.
CREATE INDEX sync_quarantine_last_seen_idx ON sync_quarantine (last_seen_at DESC, failure_key);
-- The full run's cleanup: rows not met by that run.
CREATE INDEX sync_quarantine_last_run_idx ON sync_quarantine (last_run_id);
