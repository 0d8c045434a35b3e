-- Communities, their members and invitations (DOMAIN.md, Communities). User ids come from identity.user.v1:
-- no foreign key to known_user, whose rows may arrive after a token does.
create table community (
    id              uuid primary key,
    name            varchar(80)   not null,
    description     varchar(2000) not null,
    category        varchar(16)   not null check (category in ('strength', 'cardio', 'yoga', 'nutrition', 'weight_loss',
                                                               'bodybuilding', 'running', 'general')),
    privacy         varchar(8)    not null check (privacy in ('public', 'private')),
    membership_type varchar(20)   not null check (membership_type in ('open', 'approval_required', 'invite_only')),
    -- active members, kept in the transaction of every change to them (under this row's lock)
    member_count    integer       not null default 0 check (member_count >= 0),
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    constraint community_name_not_blank check (btrim(name) <> '')
);
-- one community per name, whatever the case
create unique index community_name_key on community (lower(name));
-- browsing a category, newest first
create index community_by_category on community (category, id desc);

-- One row per user per community: a request (pending), a refusal (rejected) or a membership (active).
create table membership (
    id            uuid primary key,
    community_id  uuid        not null references community (id) on delete cascade,
    user_id       uuid        not null,
    role          varchar(16) not null check (role in ('member', 'contributor', 'moderator', 'admin', 'owner')),
    status        varchar(16) not null check (status in ('pending', 'active', 'rejected')),
    joined_at     timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    constraint membership_one_per_user unique (community_id, user_id),
    -- only an active member holds a role above member, and only an active member has joined
    constraint membership_role_needs_active check (status = 'active' or role = 'member'),
    constraint membership_joined_when_active check ((status = 'active') = (joined_at is not null))
);
-- one owner per community (the service moves ownership only in one transaction: demote, then promote)
create unique index membership_one_owner on membership (community_id) where role = 'owner';
-- a community's members by status, newest first; a user's memberships
create index membership_by_community on membership (community_id, status, id desc);
create index membership_by_user on membership (user_id);

-- An invitation by a moderator or above, answered by the invitee alone.
create table invitation (
    id           uuid primary key,
    community_id uuid        not null references community (id) on delete cascade,
    invitee_id   uuid        not null,
    -- null once the inviter's account is deleted
    invited_by   uuid,
    status       varchar(16) not null check (status in ('pending', 'accepted', 'declined')),
    created_at   timestamptz not null,
    answered_at  timestamptz,
    constraint invitation_not_self check (invited_by is null or invited_by <> invitee_id),
    constraint invitation_answered_when_not_pending check ((status = 'pending') = (answered_at is null))
);
-- one open invitation per user per community
create unique index invitation_one_pending on invitation (community_id, invitee_id) where status = 'pending';
create index invitation_by_invitee on invitation (invitee_id, status, id desc);
