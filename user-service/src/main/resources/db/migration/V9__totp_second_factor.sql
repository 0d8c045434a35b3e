-- A TOTP second factor (RFC 6238), at most one per account. The secret is sealed under the key-encryption key
-- (token/KeyEncryption, with the account id as associated data); confirmed_at stays null until the user has
-- shown one code, and only a confirmed credential is asked for at sign-in. last_used_step is the 30-second
-- step of the last code accepted: a code is accepted once, and never one from an earlier step.
create table totp_credential (
    user_id        uuid         primary key references user_account (id) on delete cascade,
    secret         varchar(200) not null,
    confirmed_at   timestamptz,
    last_used_step bigint       not null default 0 check (last_used_step >= 0),
    created_at     timestamptz  not null default now()
);

-- Ten single-use recovery codes per confirmed credential, each stored as SHA-256 over its own random salt and
-- the code (80 random bits: ASVS 2.6.2 asks salted hashes below 112).
create table recovery_code (
    id        uuid        primary key,
    user_id   uuid        not null references user_account (id) on delete cascade,
    salt      varchar(32) not null,
    code_hash varchar(64) not null,
    used_at   timestamptz
);
create index recovery_code_user on recovery_code (user_id) where used_at is null;

-- The second step of a sign-in: the password was right, a code is still owed. Known only by its hash,
-- short-lived, a few tries, used once.
create table mfa_challenge (
    token_hash varchar(64) primary key,
    user_id    uuid        not null references user_account (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    attempts   integer     not null default 0 check (attempts >= 0),
    used_at    timestamptz
);
create index mfa_challenge_user on mfa_challenge (user_id);
create index mfa_challenge_expiry on mfa_challenge (expires_at);

-- When a session (refresh-token family) passed the second factor: set at sign-in with a code, or on the
-- session that confirmed an enrolment, and carried to every rotated token of the family. A staff role is
-- given only to sessions that have it, so a session opened with the password alone never becomes staff's.
alter table refresh_token add column second_factor_at timestamptz;
