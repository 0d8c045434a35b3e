-- The instant before which the user's access tokens are void (announced on identity.user.v1 as
-- tokensValidAfter; every service refuses older tokens). Null: never revoked.
alter table user_account add column tokens_valid_after timestamptz;

-- An admin may suspend an account: it keeps its data but cannot sign in, and its tokens are void.
alter table user_account drop constraint user_account_status_check;
alter table user_account add constraint user_account_status_check check (status in ('active', 'suspended', 'deleted'));
alter table user_account add column suspended_reason varchar(500);
alter table user_account drop constraint user_account_erased;
alter table user_account add constraint user_account_erased
    check (status <> 'deleted' or (email is null and username is null and password_hash is null));
alter table user_account add constraint user_account_suspension check ((status = 'suspended') = (suspended_reason is not null));
