-- Issue 14: the transactional outbox of referral events (docs/adr/0014-notification-outbox.md).
--
-- An event row is written in the transaction of what causes it: a sync page (referral.created/updated/
-- status_changed), an operator's link decision (referral.linked/unlinked), a run that ends failed (sync.failed,
-- dynamics.push_failed). So an event exists if and only if its cause committed: never lost, never invented.
--
-- The event carries what a channel needs and no more personal data: no contact, no notes, no referral name. The
-- changes are three parallel arrays rather than JSON, so no JSON library is needed to read or write them.
CREATE TABLE notification_events (
    event_id           uuid PRIMARY KEY,
    -- the order events are delivered in, per referral and channel
    sequence           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    event_type         text NOT NULL CHECK (event_type IN (
                           'referral.created', 'referral.updated', 'referral.status_changed', 'referral.linked',
                           'referral.unlinked', 'sync.failed', 'dynamics.push_failed')),
    occurred_at        timestamptz NOT NULL,
    -- the referral's facts for referral.* events, as they were when it happened (no foreign key: the event keeps
    -- its own copy, and a referral row is never a condition of telling people about it)
    referral_id        text,
    referral_type      text,
    status             text,
    substatus          text,
    domain             text,
    company_name       text,
    deal_value         numeric,
    currency           text,
    change_fields      text[] NOT NULL DEFAULT '{}',
    change_before      text[] NOT NULL DEFAULT '{}',
    change_after       text[] NOT NULL DEFAULT '{}',
    -- the failure of sync.failed and dynamics.push_failed
    problem_code       text,
    problem_message    text,
    problem_request_id text,
    -- set when a worker has decided the event's channels (and written its deliveries)
    routed_at          timestamptz,
    CHECK ((referral_id IS NULL) = (event_type NOT LIKE 'referral.%')),
    CHECK (cardinality(change_fields) = cardinality(change_before)
        AND cardinality(change_fields) = cardinality(change_after))
);

-- what the workers route next
CREATE INDEX notification_events_unrouted_idx ON notification_events (sequence) WHERE routed_at IS NULL;
-- a referral's notifications (its detail view) and the retention purge
CREATE INDEX notification_events_referral_idx ON notification_events (referral_id, sequence DESC)
    WHERE referral_id IS NOT NULL;
CREATE INDEX notification_events_occurred_idx ON notification_events (occurred_at);

-- One row per event and channel the rules sent it to. A worker claims due rows by leasing them (leased_until), so a
-- worker that dies mid-delivery loses nothing: the lease runs out and another one sends it again.
CREATE TABLE notification_deliveries (
    delivery_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id           uuid NOT NULL REFERENCES notification_events (event_id) ON DELETE CASCADE,
    -- copied from the event, so the per-referral order check needs no join
    event_sequence     bigint NOT NULL,
    referral_id        text,
    channel            text NOT NULL,
    state              text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts           integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at    timestamptz NOT NULL,
    leased_until       timestamptz,
    last_attempt_at    timestamptz,
    delivered_at       timestamptz,
    detail             text,
    last_error_code    text,
    last_error_message text,
    last_request_id    text,
    UNIQUE (event_id, channel)
);

-- the due deliveries of a channel, oldest event first, and the per-referral order check
CREATE INDEX notification_deliveries_pending_idx ON notification_deliveries (channel, event_sequence)
    WHERE state = 'pending';
CREATE INDEX notification_deliveries_pending_referral_idx
    ON notification_deliveries (channel, referral_id, event_sequence) WHERE state = 'pending';
CREATE INDEX notification_deliveries_dead_idx ON notification_deliveries (event_id) WHERE state = 'dead';

-- A receiver that answered 410 Gone: its channel sends nothing more to that target until the target changes or an
-- operator retries (hunter events retry).
CREATE TABLE notification_gone_targets (
    channel    text NOT NULL,
    target_key text NOT NULL,
    gone_at    timestamptz NOT NULL,
    PRIMARY KEY (channel, target_key)
);
