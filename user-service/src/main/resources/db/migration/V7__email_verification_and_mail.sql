-- An address is proven by a link mailed to it: until then the account may sign in, buy and book, but others
-- see (through identity.user.v1) that it is unverified, and it is erased after 7 days if it bought nothing.
alter table user_account add column email_verified_at timestamptz;
alter table user_account add column verification_reminded_at timestamptz;
-- Accounts before this migration had no way to verify; they are taken as verified rather than erased.
update user_account set email_verified_at = created_at where status <> 'deleted';
create index user_account_unverified on user_account (created_at) where email_verified_at is null and status = 'active';

-- Single-use tokens mailed to an address: only their SHA-256 is kept.
create table email_token (
    token_hash  varchar(64) primary key,
    user_id     uuid        not null references user_account (id) on delete cascade,
    purpose     varchar(16) not null check (purpose in ('verify-email', 'password-reset')),
    email       varchar(254) not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index email_token_user on email_token (user_id, purpose);

-- Mail waiting to be sent, committed with the change that wants it sent (an outbox of mail): the relay
-- (mail/MailRelay) sends it over SMTP, retries with backoff, and wipes the body (it may hold a link) once sent.
create table outbound_mail (
    id              uuid        primary key,
    recipient       varchar(254) not null,
    subject         varchar(200) not null,
    body            text,
    created_at      timestamptz not null default now(),
    next_attempt_at timestamptz not null default now(),
    attempts        int         not null default 0,
    last_error      varchar(500),
    sent_at         timestamptz,
    failed_at       timestamptz
);
create index outbound_mail_pending on outbound_mail (next_attempt_at) where sent_at is null and failed_at is null;
