-- What every service's own V1 held before service-kit owned its tables (user-service's, as released).
-- service-kit's tables: events staged with each change (outbox) and events already applied (inbox).
-- Hibernate validates them against service-kit's OutboxMessage and ProcessedEvent at every start.
create table outbox_message (
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
create index outbox_message_pending on outbox_message (seq) where sent_at is null;

create table processed_event (
    consumer     text not null,
    event_id     text not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
