-- How much one user engaged with another (score/InteractionScores): reactions, comments, shares and mentions, each worth
-- a weight, decaying by half every half-life. Stored as the score at as_of; read and updated decayed to the moment
-- (interaction_decayed), in the transaction of the interaction. Directed: user_id acted towards other_id.
create table interaction_score (
    user_id  uuid             not null,
    other_id uuid             not null,
    score    double precision not null check (score >= 0),
    as_of    timestamptz      not null,
    primary key (user_id, other_id),
    constraint interaction_score_not_self check (user_id <> other_id)
);
-- the other direction of a pair, and a user's erasure
create index interaction_score_towards on interaction_score (other_id, user_id);

-- score * 2^-(elapsed / half-life); a moment before as_of (a clock a little behind) decays nothing
create function interaction_decayed(score double precision, as_of timestamptz, half_life_seconds double precision,
                                    at timestamptz) returns double precision
    language sql immutable parallel safe
    as $$ select score * power(0.5, greatest(extract(epoch from (at - as_of)), 0) / half_life_seconds) $$;
