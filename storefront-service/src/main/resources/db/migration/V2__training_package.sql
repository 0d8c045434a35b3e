-- The catalog. Every pricing rule lives here too, so no write path (a bug, a hand-run script) can store a
-- package that breaks them: the legacy schema lost exactly these constraints.
create table training_package (
    id                      uuid primary key,
    name                    varchar(100)  not null check (length(btrim(name)) > 0),
    description             varchar(2000) not null default '',
    package_type            varchar(16)   not null check (package_type in ('fixed', 'monthly')),
    sessions                integer check (sessions between 1 and 1000),
    months                  integer check (months between 1 and 36),
    sessions_per_week       integer check (sessions_per_week between 1 and 14),
    total_sessions          integer       not null check (total_sessions > 0),
    price_per_session_cents bigint        not null,
    total_cost_cents        bigint        not null,
    currency                varchar(3)    not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    display_order           integer       not null check (display_order between 0 and 100000),
    active                  boolean       not null default true,
    version                 bigint        not null default 0,
    created_at              timestamptz   not null default now(),
    updated_at              timestamptz   not null default now(),

    constraint training_package_min_price check (price_per_session_cents >= 14000),
    constraint training_package_sessions_by_type check (
        (package_type = 'fixed' and sessions is not null and months is null and sessions_per_week is null
            and total_sessions = sessions)
        or
        (package_type = 'monthly' and sessions is null and months is not null and sessions_per_week is not null
            and total_sessions = months * sessions_per_week * 4)),
    constraint training_package_total_cost check (total_cost_cents = total_sessions * price_per_session_cents)
);

create unique index training_package_name_type_unique on training_package (lower(name), package_type);
-- display order is unique among active packages only: deactivated ones keep theirs for old orders
create unique index training_package_active_display_order on training_package (display_order) where active;
