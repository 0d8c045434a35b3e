-- The packages this service can sell, projected from storefront.package.v1 (storefront-service owns them;
-- no foreign key crosses databases). A cart item refers to a row here, so an item can only name a package
-- this service has heard of. Packages are deactivated, never deleted, so the rows stay.
create table known_package (
    id               uuid primary key,
    name             varchar(100) not null,
    package_type     varchar(16)  not null,
    total_sessions   integer      not null check (total_sessions > 0),
    total_cost_cents bigint       not null check (total_cost_cents > 0),
    currency         varchar(3)   not null check (currency ~ '^[A-Z]{3}$'),
    active           boolean      not null,
    version          bigint       not null,
    applied_at       timestamptz  not null default clock_timestamp()
);

-- A user's cart: active -> pending_payment (locked while a checkout is open) -> completed, or cancelled.
-- At most one open cart (active or pending) per user, whatever the number of concurrent first requests.
create table cart (
    id         uuid primary key,
    user_id    uuid        not null,
    status     varchar(20) not null check (status in ('active', 'pending_payment', 'completed', 'cancelled')),
    version    bigint      not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create unique index cart_one_open_per_user on cart (user_id) where status in ('active', 'pending_payment');

-- One line per package; the price is the package's total cost when the item was added (re-checked at
-- checkout). Quantities and the number of lines are bounded, so a total always fits.
create table cart_item (
    id               uuid primary key,
    cart_id          uuid        not null references cart (id) on delete cascade,
    package_id       uuid        not null references known_package (id),
    quantity         integer     not null check (quantity between 1 and 10),
    unit_price_cents bigint      not null check (unit_price_cents > 0),
    added_at         timestamptz not null default now(),
    constraint cart_item_one_line_per_package unique (cart_id, package_id)
);
create index cart_item_package on cart_item (package_id);
