create table probe_note (
    id      uuid primary key,
    key     text not null,
    text    text not null check (length(text) <= 200),
    version bigint not null default 0
);

-- what the effect consumer applied, every time it applied something (no key: a duplicate would show)
create table probe_received (
    position bigint generated always as identity primary key,
    event_id text not null,
    key      text not null,
    text     text not null
);

-- the projection consumer's current state per key, and every state it applied, in order
create table probe_projection (
    key     text primary key,
    text    text,
    version bigint not null
);
create table probe_projection_history (
    position bigint generated always as identity primary key,
    key      text not null,
    text     text,
    version  bigint not null
);

-- keys whose "needs-allowance" events the effect consumer may apply (until then they are poison)
create table probe_allowed (
    key text primary key
);
