create table probe_note (
    id    uuid primary key,
    key   text not null,
    text  text not null check (length(text) <= 200)
);

create table probe_received (
    event_id text primary key,
    key      text not null,
    text     text not null,
    position bigint generated always as identity
);
