-- Keys that sign access tokens. The newest active key signs; retired keys stay published in the JWKS
-- until every token they signed has expired, so rotation invalidates nothing.
create table signing_key (
    kid          varchar(64) primary key,
    private_key  text        not null,
    public_jwk   text        not null,
    created_at   timestamptz not null default now(),
    retired_at   timestamptz
);

-- Refresh tokens are opaque; only their SHA-256 is stored. Rotation chains tokens into a family; a used
-- token presented again means theft, and the whole family is revoked.
create table refresh_token (
    id          uuid primary key,
    family_id   uuid        not null,
    user_id     uuid        not null references user_account (id) on delete cascade,
    token_hash  varchar(64) not null unique,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_user on refresh_token (user_id);
