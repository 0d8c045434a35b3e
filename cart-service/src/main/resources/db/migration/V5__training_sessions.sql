-- Training sessions: trainers' availability slots, and the sessions clients book on them with a credit.
-- Overlaps are refused by the database (exclusion constraints over time ranges), so no two requests, however
-- concurrent, can book one slot twice or give a client or a trainer two sessions at once.
create extension if not exists btree_gist;

create table training_slot (
    id               uuid primary key,
    trainer_id       uuid         not null,
    starts_at        timestamptz  not null,
    ends_at          timestamptz  not null,
    duration_minutes integer      not null check (duration_minutes between 15 and 240),
    location         varchar(200) not null check (length(btrim(location)) > 0),
    status           varchar(16)  not null check (status in ('open', 'booked', 'withdrawn')),
    created_by       uuid         not null,
    version          bigint       not null default 0,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    constraint training_slot_length check (ends_at = starts_at + duration_minutes * interval '1 minute'),
    -- a trainer's slots never overlap (withdrawn ones no longer count)
    constraint training_slot_no_overlap exclude using gist (trainer_id with =, tstzrange(starts_at, ends_at) with &&)
        where (status <> 'withdrawn')
);
create index training_slot_open on training_slot (starts_at, id) where status = 'open';
create index training_slot_trainer on training_slot (trainer_id, starts_at);

create table training_session (
    id            uuid primary key,
    slot_id       uuid         not null references training_slot (id),
    trainer_id    uuid         not null,
    client_id     uuid         not null,
    starts_at     timestamptz  not null,
    ends_at       timestamptz  not null,
    status        varchar(16)  not null check (status in ('scheduled', 'confirmed', 'completed', 'no_show', 'cancelled')),
    cancelled_by  uuid,
    cancel_reason varchar(500),
    cancelled_at  timestamptz,
    refunded      boolean      not null default false,
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    constraint training_session_not_own check (client_id <> trainer_id),
    constraint training_session_cancelled check ((status = 'cancelled') = (cancelled_at is not null)),
    constraint training_session_refund_only_cancelled check (not refunded or status = 'cancelled'),
    -- a client never holds two sessions at once, nor does a trainer
    constraint training_session_client_free exclude using gist (client_id with =, tstzrange(starts_at, ends_at) with &&)
        where (status in ('scheduled', 'confirmed')),
    constraint training_session_trainer_free exclude using gist (trainer_id with =, tstzrange(starts_at, ends_at) with &&)
        where (status in ('scheduled', 'confirmed'))
);
-- one live booking per slot
create unique index training_session_one_per_slot on training_session (slot_id) where status <> 'cancelled';
create index training_session_client on training_session (client_id, id desc);
create index training_session_trainer on training_session (trainer_id, id desc);

-- a booking spends one credit, and is refunded at most once
alter table credit_entry add constraint credit_entry_booking_kinds
    check (kind not in ('spent', 'refunded') or booking_id is not null);
create unique index credit_entry_one_spend_per_booking on credit_entry (booking_id) where kind = 'spent';
create unique index credit_entry_one_refund_per_booking on credit_entry (booking_id) where kind = 'refunded';
