-- Who belongs to which community, projected from community.activity.v1 (community/CommunityMembers; community-service
-- owns communities, no foreign key crosses databases): shared communities count towards recommendations. A member who
-- left keeps the row with left_at, so a joined event older than the leaving (a replay) cannot bring them back;
-- changed_at is the occurredAt of the last event applied.
create table community_member (
    user_id      uuid        not null,
    community_id uuid        not null,
    role         varchar(32),
    joined_at    timestamptz,
    left_at      timestamptz,
    changed_at   timestamptz not null,
    primary key (user_id, community_id)
);
-- a community's current members
create index community_member_of_community on community_member (community_id, user_id) where left_at is null;
