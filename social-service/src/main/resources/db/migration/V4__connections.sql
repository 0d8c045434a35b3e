-- Connections between users (ids from identity.user.v1, no foreign key: see V3). A follow is one-way
-- (requester follows target); a friend or trainer_client connection is one per unordered pair. A block is a
-- connection's status, set by either side (blocked_by); while it stands, the service keeps no other connection
-- of the pair and refuses new ones (under a per-pair advisory lock, see ConnectionService).
create table connection (
    id           uuid primary key,
    requester_id uuid        not null,
    target_id    uuid        not null,
    type         varchar(16) not null check (type in ('follow', 'friend', 'trainer_client')),
    status       varchar(16) not null check (status in ('pending', 'accepted', 'declined', 'blocked')),
    blocked_by   uuid,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    constraint connection_not_self check (requester_id <> target_id),
    -- a blocked connection names who blocked, one of its two sides; no other status names anyone
    constraint connection_blocked_by_a_side check (
        case when status = 'blocked' then blocked_by is not null and blocked_by in (requester_id, target_id)
             else blocked_by is null end)
);

-- one follow per direction
create unique index connection_one_follow on connection (requester_id, target_id) where type = 'follow';
-- one friend and one trainer_client connection per pair, whoever asked
create unique index connection_one_per_pair on connection (least(requester_id, target_id), greatest(requester_id, target_id), type)
    where type <> 'follow';
-- following lists (requester side) and pair look-ups; followers lists (target side); newest first by id
create index connection_by_requester on connection (requester_id, type, status, id desc);
create index connection_by_target on connection (target_id, type, status, id desc);
