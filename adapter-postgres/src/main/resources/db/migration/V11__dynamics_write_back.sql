-- Issue 13, optional (HUNTER_DYNAMICS_WRITE_BACK): the write-back of each referral's Dynamics 365 lead id to the
-- referral in Partner Center (externalReferenceId). What the last write-back did is kept with the push state, because
-- it belongs to the lead id of that state: a push that makes another lead drops it (JooqPushStateStore.recordPushed).
-- Like V9 and V10, nothing here depends on search_path or compares whole rows, so a backup restores.

ALTER TABLE dynamics_push_state
    ADD COLUMN write_back_status     text,
    ADD COLUMN write_back_at         timestamptz,
    ADD COLUMN write_back_error_code text,
    ADD COLUMN write_back_error      text,
    ADD CONSTRAINT dps_write_back_status_check CHECK (
        write_back_status IS NULL OR write_back_status IN ('written', 'refused', 'failed')),
    -- all four come and go together; an error code exactly when it was not written
    ADD CONSTRAINT dps_write_back_complete CHECK (
        (write_back_status IS NULL) = (write_back_at IS NULL)
        AND (write_back_status IS NULL OR (write_back_status = 'written') = (write_back_error_code IS NULL))
        AND (write_back_error IS NULL OR write_back_error_code IS NOT NULL));

COMMENT ON COLUMN dynamics_push_state.write_back_status IS 'What the last write-back of lead_id to Partner Center (externalReferenceId) did: written, refused (Partner Center said no for this referral; tried again when its lead is next written) or failed (Partner Center could not be asked, or the referral had changed; the next push tries again). NULL when none was tried for this lead. Whether Partner Center accepts the write-back at all is UNCONFIRMED.';
COMMENT ON COLUMN dynamics_push_state.write_back_at IS 'When the last write-back was tried.';
COMMENT ON COLUMN dynamics_push_state.write_back_error_code IS 'Why it was not written: Partner Center''s error code (invalidRequest, accessDenied, preconditionFailed, ...) or ours (sign_in_required, ...).';
COMMENT ON COLUMN dynamics_push_state.write_back_error IS 'Partner Center''s message for it, with its request id; never personal data.';
