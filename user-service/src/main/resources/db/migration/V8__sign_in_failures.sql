-- Failed sign-ins, one row each, shared by every replica (auth/SignInThrottle): counted per account, per
-- client address (IPv6 grouped by /64) and per pair over the last hour, then purged.
create table sign_in_failure (
    account_key varchar(254) not null,
    address_key varchar(64)  not null,
    failed_at   timestamptz  not null default now()
);
create index sign_in_failure_account on sign_in_failure (account_key, failed_at);
create index sign_in_failure_pair on sign_in_failure (account_key, address_key, failed_at);
create index sign_in_failure_address on sign_in_failure (address_key, failed_at);
create index sign_in_failure_age on sign_in_failure (failed_at);

alter table email_token drop constraint email_token_purpose_check;
alter table email_token add constraint email_token_purpose_check check (purpose in ('verify-email', 'password-reset', 'sign-in'));
