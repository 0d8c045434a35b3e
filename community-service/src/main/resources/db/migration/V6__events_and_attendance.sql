-- Events hosted by communities and their members' answers (DOMAIN.md, Communities). Capacity counts the confirmed
-- `going` answers; beyond it, `going` joins a waiting list that moves up first come, first served. Every answer to an
-- event runs under the event row's lock (AttendanceService), so the confirmed never exceed the capacity and the
-- waiting list's order is the order in which the answers got the lock.
create table community_event (
    id           uuid primary key,
    community_id uuid          not null references community (id) on delete cascade,
    -- null once the creator's account is deleted
    created_by   uuid,
    title        varchar(120)  not null check (btrim(title) <> ''),
    description  varchar(2000) not null,
    starts_at    timestamptz   not null,
    ends_at      timestamptz   not null,
    place        varchar(200) check (btrim(place) <> ''),
    link         varchar(500) check (link ~ '^https://[^\s/?#]+[^\s]*$'),
    capacity     integer       not null check (capacity between 1 and 10000),
    status       varchar(16)   not null check (status in ('scheduled', 'cancelled')),
    cancelled_at timestamptz,
    created_at   timestamptz   not null,
    constraint community_event_ends_after_start check (ends_at > starts_at),
    constraint community_event_somewhere check (place is not null or link is not null),
    constraint community_event_cancelled_when check ((status = 'cancelled') = (cancelled_at is not null))
);
-- a community's events by start, a window of them a page at a time
create index community_event_by_start on community_event (community_id, starts_at, id);

-- The order in which `going` answers got the event's lock: the waiting list's order.
create sequence event_queue_seq;

-- One answer per member and event. Only `going` holds a place: confirmed (within capacity) or waitlisted.
create table event_attendance (
    event_id    uuid        not null references community_event (id) on delete cascade,
    user_id     uuid        not null,
    answer      varchar(16) not null check (answer in ('going', 'interested', 'not_going')),
    status      varchar(16) check (status in ('confirmed', 'waitlisted')),
    -- when they answered going (event_queue_seq); the waiting list moves up in this order
    queued      bigint,
    answered_at timestamptz not null,
    primary key (event_id, user_id),
    constraint event_attendance_place_iff_going check ((answer = 'going') = (status is not null)),
    constraint event_attendance_queued_iff_going check ((answer = 'going') = (queued is not null))
);
-- the waiting list in order, and the confirmed (to count them)
create index event_attendance_queue on event_attendance (event_id, status, queued) where status is not null;
-- a user's answers (leaving a community, erasure)
create index event_attendance_by_user on event_attendance (user_id);
