-- A session (a refresh-token family) ends after an absolute lifetime counted from its sign-in, whatever its
-- rotations, and after an idle time without a refresh: each token expires at the earlier of the two.
alter table refresh_token add column session_started_at timestamptz;
update refresh_token t set session_started_at = (select min(f.created_at) from refresh_token f where f.family_id = t.family_id);
alter table refresh_token alter column session_started_at set not null;
-- Shown in the list of sessions, so people can tell their devices apart.
alter table refresh_token add column user_agent varchar(200);
-- The live token of each session: at most one per family.
create unique index refresh_token_live_per_family on refresh_token (family_id) where used_at is null and revoked_at is null;
