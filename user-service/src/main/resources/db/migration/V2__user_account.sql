-- The only users table of the platform. Other services know users only from identity.user.v1.
create table user_account (
    id                   uuid primary key,
    email                varchar(254),
    username             varchar(30),
    password_hash        varchar(100),
    display_name         varchar(60)  not null,
    role                 varchar(16)  not null default 'user' check (role in ('user', 'client', 'trainer', 'admin')),
    status               varchar(16)  not null default 'active' check (status in ('active', 'deleted')),
    avatar_url           varchar(500),
    bio                  varchar(2000),
    fitness_goal         varchar(500),
    experience_level     varchar(16) check (experience_level in ('beginner', 'intermediate', 'advanced')),
    date_of_birth        date,
    specialties          varchar(500),
    certifications       varchar(1000),
    hourly_rate_cents    bigint check (hourly_rate_cents >= 0),
    profile_visibility   varchar(16)  not null default 'public' check (profile_visibility in ('public', 'followers', 'private')),
    discoverable         boolean      not null default true,
    version              bigint       not null default 0,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    deleted_at           timestamptz,
    -- an erased account keeps only its id (orders and counts elsewhere stay consistent)
    constraint user_account_erased check (status = 'active' or (email is null and username is null and password_hash is null)),
    constraint user_account_live check (status = 'deleted' or (email is not null and username is not null and password_hash is not null))
);

-- unique case-insensitively, enforced here and not only in code
create unique index user_account_email_unique on user_account (lower(email));
create unique index user_account_username_unique on user_account (lower(username));
