-- Every event carries its aggregate's version (rows staged before this have none).
alter table outbox_message add column aggregate_version bigint;

-- A row that keeps failing waits (next_attempt_at) and, after N attempts, is parked; later rows of the
-- same aggregate wait behind either.
alter table outbox_message add column next_attempt_at timestamptz;
alter table outbox_message add column parked_at timestamptz;

-- What the relay reads: unsent, unparked rows in order.
drop index outbox_message_pending;
create index outbox_message_pending on outbox_message (seq) where sent_at is null and parked_at is null;
-- Earlier rows of one aggregate that hold later ones back (small: only rows that failed).
create index outbox_message_held on outbox_message (topic, aggregate_id, seq)
    where sent_at is null and (parked_at is not null or next_attempt_at is not null);
-- Outbox.forget (erasure) finds one aggregate's rows.
create index outbox_message_aggregate on outbox_message (topic, aggregate_id);
-- The purge of sent rows.
create index outbox_message_sent on outbox_message (sent_at) where sent_at is not null;

-- The purge of old inbox rows.
create index processed_event_processed_at on processed_event (processed_at);

-- The version gate of projections: the highest version applied per consumer and aggregate. An erased
-- aggregate keeps its row (erased_at set), so a replayed older state can never bring it back.
create table applied_version (
    consumer     text        not null,
    aggregate_id text        not null,
    version      bigint      not null,
    erased_at    timestamptz,
    updated_at   timestamptz not null default now(),
    primary key (consumer, aggregate_id)
);
