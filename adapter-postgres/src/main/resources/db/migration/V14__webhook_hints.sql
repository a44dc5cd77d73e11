-- Issue 16: Partner Center's referral webhooks, taken as hints (docs/adr/0015-webhooks-are-hints.md).
--
-- A webhook call names a referral that changed; the call is answered only once its hint is in this table, so an
-- answered call is never lost. Partner Center sends no event id: (event, referral, change time) is the identity, and a
-- call met again (its retry, a replay) finds its row and changes nothing. A worker claims due hints by leasing them and
-- reads their referrals in a sync run of mode 'referrals' (trigger 'webhook'), which is why sync_runs learns both.
CREATE TABLE webhook_hints (
    hint_id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_name      text NOT NULL CHECK (event_name IN (
                        'referral-created', 'referral-updated', 'related-referral-created',
                        'related-referral-updated', 'test-created')),
    referral_id     text NOT NULL,
    changed_at      timestamptz NOT NULL,
    received_at     timestamptz NOT NULL,
    -- pending: waits for the worker; applied: a sync run read the referral; gave_up: the worker stopped trying (the
    -- scheduled sync reads it anyway); test: a test-created event, recorded and never applied
    state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'applied', 'gave_up', 'test')),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    leased_until    timestamptz,
    settled_at      timestamptz,
    -- the run that read the referral (no foreign key: runs are history and may be cleaned up on their own)
    applied_run_id  uuid,
    last_error      text,
    CONSTRAINT webhook_hints_identity UNIQUE (event_name, referral_id, changed_at),
    CHECK ((state IN ('pending')) = (settled_at IS NULL))
);

-- what the workers claim next
CREATE INDEX webhook_hints_due_idx ON webhook_hints (next_attempt_at, hint_id) WHERE state = 'pending';
-- which referrals a webhook announced (the safety-net sync's coverage figure), and a referral's other pending hints
CREATE INDEX webhook_hints_referral_idx ON webhook_hints (referral_id, received_at);
-- the retention purge and the last received call
CREATE INDEX webhook_hints_received_idx ON webhook_hints (received_at);

ALTER TABLE sync_runs DROP CONSTRAINT sync_runs_trigger_check;
ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_trigger_check
    CHECK (trigger IN ('cli', 'manual', 'scheduled', 'webhook'));
ALTER TABLE sync_runs DROP CONSTRAINT sync_runs_mode_check;
ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_mode_check CHECK (mode IN ('incremental', 'full', 'referrals'));
