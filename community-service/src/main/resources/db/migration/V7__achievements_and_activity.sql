-- Achievements earned (achievement/Achievement holds the rules): the primary key makes "once per user and
-- achievement" certain whatever runs at the same time; an award is an insert that may find the row there already.
create table achievement (
    user_id     uuid        not null,
    achievement varchar(40) not null,
    tier        varchar(10) not null check (tier in ('bronze', 'silver', 'gold', 'platinum')),
    earned_at   timestamptz not null,
    primary key (user_id, achievement)
);

-- The version of each user's community.activity.v1 stream (ce_aggregateversion: consumers keep the highest applied
-- per key and ignore older ones). Raised by one per event, under this row's lock, in the transaction that stages it;
-- that lock also makes a user's achievements be judged one transaction after another. Its own table rather than a
-- column of known_user: identity.user.v1's consumer locks known_user before the communities it erases from, while
-- a request locks the community first; counters taken last by everyone keep one lock order. Kept after erasure, so
-- a user's versions never start again.
create table user_activity (
    user_id uuid   primary key,
    version bigint not null check (version >= 0)
);
