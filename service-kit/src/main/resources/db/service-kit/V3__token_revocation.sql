-- Revocation of access tokens (kit/security/TokenRevocations): per user, the instant before which the
-- user's access tokens are void, as identity.user.v1 last announced it (tokensValidAfter). Only ever raised.
-- A row whose instant is older than the longest access-token lifetime voids nothing that has not expired
-- anyway, so the housekeeper deletes it: the table holds the last few minutes' revocations, not every user.
create table token_revocation (
    subject            uuid        primary key,
    tokens_valid_after timestamptz not null,
    updated_at         timestamptz not null default now()
);
create index token_revocation_valid_after on token_revocation (tokens_valid_after);
