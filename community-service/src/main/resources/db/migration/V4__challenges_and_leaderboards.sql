-- Challenges inside communities, their participants (and teams), progress reports and leaderboards
-- (DOMAIN.md, Communities). Status follows the dates (ChallengeRules): it is not stored.
create table challenge (
    id               uuid primary key,
    community_id     uuid          not null references community (id) on delete cascade,
    -- null once the creator's account is deleted
    created_by       uuid,
    title            varchar(120)  not null check (btrim(title) <> ''),
    description      varchar(2000) not null,
    type             varchar(16)   not null check (type in ('individual', 'team', 'global')),
    goal             bigint        not null check (goal between 1 and 1000000000),
    unit             varchar(16)   not null check (unit in ('reps', 'km', 'miles', 'minutes', 'hours', 'sessions', 'steps',
                                                            'calories', 'kg')),
    points_per_unit  integer       not null check (points_per_unit between 0 and 1000),
    completion_bonus integer       not null check (completion_bonus between 0 and 100000),
    starts_at        timestamptz   not null,
    ends_at          timestamptz   not null,
    created_at       timestamptz   not null,
    constraint challenge_ends_after_start check (ends_at > starts_at)
);
create index challenge_by_community on challenge (community_id, id desc);

-- Teams of a team challenge; a team's points are its members' (kept in the same transaction as theirs).
create table challenge_team (
    id          uuid primary key,
    challenge_id uuid        not null references challenge (id) on delete cascade,
    name        varchar(40) not null check (btrim(name) <> ''),
    points      bigint      not null default 0 check (points >= 0),
    -- when the team reached its current points: ties go to who got there first
    reached_at  timestamptz not null,
    -- the leaderboard's order, all ascending so that a page and a rank are one index range
    neg_points  bigint generated always as (-points) stored,
    created_at  timestamptz not null
);
create unique index challenge_team_name_key on challenge_team (challenge_id, lower(name));
create index challenge_team_leaderboard on challenge_team (challenge_id, neg_points, reached_at, id);

create table participant (
    challenge_id uuid        not null references challenge (id) on delete cascade,
    user_id      uuid        not null,
    team_id      uuid references challenge_team (id) on delete cascade,
    progress     bigint      not null default 0 check (progress >= 0),
    points       bigint      not null default 0 check (points >= 0),
    completed_at timestamptz,
    reached_at   timestamptz not null,
    neg_points   bigint generated always as (-points) stored,
    joined_at    timestamptz not null,
    primary key (challenge_id, user_id)
);
create index participant_leaderboard on participant (challenge_id, neg_points, reached_at, user_id);
create index participant_by_user on participant (user_id);
create index participant_by_team on participant (team_id) where team_id is not null;

-- Each report counted once per idempotency key (per participant); what it added after the cap.
create table progress_report (
    challenge_id    uuid        not null,
    user_id         uuid        not null,
    idempotency_key varchar(64) not null,
    amount          bigint      not null check (amount > 0),
    counted         bigint      not null check (counted >= 0 and counted <= amount),
    reported_at     timestamptz not null,
    primary key (challenge_id, user_id, idempotency_key),
    foreign key (challenge_id, user_id) references participant (challenge_id, user_id) on delete cascade
);
