-- A rank in O(log n) instead of counting every row ahead (O(rank): 20 to 60 ms for the last of 100,000
-- participants, measured on the 2-core CI machine). Each board (a challenge's participants, kind 0, or its teams,
-- kind 1) keeps a radix tree of counts over its order. A row's key is (inv, t): inv = 2^63 - 1 - points (more points
-- first), t = reached_at in milliseconds since 1970 (who got there first; 48 bits). Read as one number of 111 bits
-- (inv, then t's 6 bytes), level L counts the rows whose key shifted right by 8·L bits is the same: levels 1 to 5
-- are cells (a = inv, b = t >> 8·L), levels 6 to 13 cells (a = inv >> 8·(L - 6), b = 0); two bigints instead of
-- one numeric, because PostgreSQL does bigint shifts far faster than numeric division. A rank sums, on each level,
-- the cells under its parent that sort before its own (at most 255), then counts the few rows that share its level-1
-- cell (same points, same 256 ms) in the leaderboard index. Triggers keep the counts in the statement that changes
-- the rows, so they are right whoever writes (progress reports, joins, erasure, cascades, bulk SQL), in the writer's
-- transaction. Cells at zero are deleted.
create table leaderboard_count (
    challenge_id uuid     not null references challenge (id) on delete cascade,
    kind         smallint not null check (kind in (0, 1)),
    level        smallint not null check (level between 1 and 13),
    a            bigint   not null,
    b            bigint   not null,
    -- never negative once a statement ends; no CHECK, because PostgreSQL checks an upsert's proposed row (a
    -- negative delta) before it finds the conflict that turns it into an update
    n            bigint   not null,
    primary key (challenge_id, kind, level, a, b)
);

-- t of a key: milliseconds since 1970, below 2^48 until the year 10889
create function leaderboard_tick(reached_at timestamptz) returns bigint
    language sql immutable parallel safe
    return floor(extract(epoch from reached_at) * 1000)::bigint;

create type leaderboard_delta as (challenge_id uuid, inv bigint, t bigint, d integer);
create type leaderboard_cell as (challenge_id uuid, level smallint, a bigint, b bigint);

-- +1 or -1 for each row's key on every level of its board's tree, in one upsert sorted by cell (concurrent writers
-- lock the cells they share in the same order: no deadlock among them); then the cells left at zero go.
create function leaderboard_shift(board_kind smallint, deltas leaderboard_delta[]) returns void
    language plpgsql as $$
declare
    emptied leaderboard_cell[];
begin
    with d as (
        select e.challenge_id, l::smallint as level,
               case when l <= 5 then e.inv else e.inv >> (8 * (l - 6)) end as a,
               case when l <= 5 then e.t >> (8 * l) else 0 end as b,
               sum(e.d) as delta
        from unnest(deltas) e, generate_series(1, 13) l
        group by 1, 2, 3, 4
        having sum(e.d) <> 0
    ), up as (
        insert into leaderboard_count as c (challenge_id, kind, level, a, b, n)
        select challenge_id, board_kind, level, a, b, delta from d order by challenge_id, level, a, b
        on conflict (challenge_id, kind, level, a, b) do update set n = c.n + excluded.n
        returning c.challenge_id, c.level, c.a, c.b, c.n
    )
    select array_agg(row(up.challenge_id, up.level, up.a, up.b)::leaderboard_cell) into emptied from up where up.n = 0;
    if emptied is not null then
        delete from leaderboard_count c using unnest(emptied) z
        where c.challenge_id = z.challenge_id and c.kind = board_kind and c.level = z.level and c.a = z.a and c.b = z.b
          and c.n = 0;
    end if;
end $$;

-- For participant and challenge_team alike (both have challenge_id, points, reached_at); tg_argv[0] is the kind.
create function leaderboard_counts() returns trigger
    language plpgsql as $$
declare
    deltas leaderboard_delta[];
begin
    if tg_op = 'INSERT' then
        select array_agg(row(challenge_id, 9223372036854775807 - points, leaderboard_tick(reached_at), 1)::leaderboard_delta)
        into deltas from new_rows;
    elsif tg_op = 'DELETE' then
        -- rows going with their challenge (a cascade) take its counts with them: nothing to count down
        select array_agg(row(o.challenge_id, 9223372036854775807 - o.points, leaderboard_tick(o.reached_at),
                             -1)::leaderboard_delta)
        into deltas from old_rows o where exists (select 1 from challenge c where c.id = o.challenge_id);
    else
        select array_agg(x) into deltas from (
            select row(challenge_id, 9223372036854775807 - points, leaderboard_tick(reached_at), 1)::leaderboard_delta as x
            from new_rows
            union all
            select row(challenge_id, 9223372036854775807 - points, leaderboard_tick(reached_at), -1)::leaderboard_delta
            from old_rows) s;
    end if;
    if deltas is not null then
        perform leaderboard_shift(tg_argv[0]::smallint, deltas);
    end if;
    return null;
end $$;

create trigger participant_counts_insert after insert on participant referencing new table as new_rows
    for each statement execute function leaderboard_counts('0');
create trigger participant_counts_update after update on participant
    referencing old table as old_rows new table as new_rows for each statement execute function leaderboard_counts('0');
create trigger participant_counts_delete after delete on participant referencing old table as old_rows
    for each statement execute function leaderboard_counts('0');
create trigger team_counts_insert after insert on challenge_team referencing new table as new_rows
    for each statement execute function leaderboard_counts('1');
create trigger team_counts_update after update on challenge_team
    referencing old table as old_rows new table as new_rows for each statement execute function leaderboard_counts('1');
create trigger team_counts_delete after delete on challenge_team referencing old table as old_rows
    for each statement execute function leaderboard_counts('1');

-- the boards that exist already
select leaderboard_shift(0::smallint, array_agg(row(challenge_id, 9223372036854775807 - points,
    leaderboard_tick(reached_at), 1)::leaderboard_delta)) from participant having count(*) > 0;
select leaderboard_shift(1::smallint, array_agg(row(challenge_id, 9223372036854775807 - points,
    leaderboard_tick(reached_at), 1)::leaderboard_delta)) from challenge_team having count(*) > 0;
