-- service-kit's tables as every service's own V1 created them before the kit owned them. On a database
-- that already has them (every service migrated before this file existed) this changes nothing; on a
-- new service's database it creates them. From here on, only the kit's migrations change these tables.
create table if not exists outbox_message (
    id           uuid primary key,
    seq          bigint generated always as identity unique,
    topic        text not null,
    aggregate_id text not null,
    event_type   text not null,
    payload      jsonb,
    trace_parent text,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz,
    attempts     integer not null default 0,
    last_error   text
);
create index if not exists outbox_message_pending on outbox_message (seq) where sent_at is null;

create table if not exists processed_event (
    consumer     text not null,
    event_id     text not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
