-- Orders: what a checkout froze (lines, prices, total) and where its payment stands.
--   pending_payment -> paid (-> refunded | disputed), or cancelled | expired | payment_failed
create table customer_order (
    id                 uuid primary key,
    user_id            uuid         not null,
    cart_id            uuid         references cart (id) on delete set null,
    status             varchar(20)  not null check (status in ('pending_payment', 'paid', 'cancelled', 'expired',
                                                                'payment_failed', 'refunded', 'disputed')),
    total_cents        bigint       not null check (total_cents > 0),
    currency           varchar(3)   not null check (currency ~ '^[A-Z]{3}$'),
    provider           varchar(16)  not null check (provider in ('stripe', 'simulated')),
    payment_session_id varchar(255) unique,
    checkout_url       varchar(2000),
    payment_reference  varchar(255),
    expires_at         timestamptz  not null,
    idempotency_key    varchar(255) not null,
    request_hash       varchar(64)  not null,
    version            bigint       not null default 0,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    paid_at            timestamptz,
    constraint customer_order_idempotency unique (user_id, idempotency_key),
    constraint customer_order_paid_at check ((status in ('paid', 'refunded', 'disputed')) = (paid_at is not null))
);
-- a cart has at most one checkout open at a time
create unique index customer_order_one_pending_per_cart on customer_order (cart_id) where status = 'pending_payment';
create index customer_order_user on customer_order (user_id, created_at desc, id);
create index customer_order_pending_expiry on customer_order (expires_at) where status = 'pending_payment';

create table order_item (
    order_id          uuid         not null references customer_order (id) on delete cascade,
    package_id        uuid         not null references known_package (id),
    package_name      varchar(100) not null,
    sessions_per_unit integer      not null check (sessions_per_unit > 0),
    quantity          integer      not null check (quantity between 1 and 10),
    unit_price_cents  bigint       not null check (unit_price_cents > 0),
    primary key (order_id, package_id)
);

-- The session-credit ledger. Entries are only ever added; the balance is their sum, kept beside them by the
-- trigger below in the same statement, and can never go below zero (its CHECK refuses the entry that would
-- take it there, so two concurrent spends of the last credit cannot both succeed).
create table credit_entry (
    id            uuid primary key,
    user_id       uuid        not null,
    kind          varchar(16) not null check (kind in ('granted', 'spent', 'refunded', 'reversed', 'adjusted')),
    amount        integer     not null check (amount <> 0 and amount between -100000 and 100000),
    order_id      uuid references customer_order (id),
    booking_id    uuid,
    reason        varchar(500),
    actor_id      uuid,
    -- set by the trigger below: the balance after this entry, and the balance's version it made (its event's)
    balance_after   integer   not null default 0,
    balance_version bigint    not null default 0,
    created_at    timestamptz not null default now(),
    constraint credit_entry_sign check (
        (kind in ('granted', 'refunded') and amount > 0)
        or (kind in ('spent', 'reversed') and amount < 0)
        or kind = 'adjusted'),
    constraint credit_entry_grant_has_order check (kind <> 'granted' or order_id is not null),
    constraint credit_entry_adjustment_has_reason check (kind <> 'adjusted' or (reason is not null and actor_id is not null))
);
-- a paid order grants once, whatever the number of webhook deliveries
create unique index credit_entry_one_grant_per_order on credit_entry (order_id) where kind = 'granted';
create index credit_entry_user on credit_entry (user_id, created_at desc, id);
create index credit_entry_order on credit_entry (order_id) where order_id is not null;

create table credit_balance (
    user_id    uuid primary key,
    balance    integer     not null check (balance >= 0),
    version    bigint      not null default 1,
    updated_at timestamptz not null default now()
);

create function credit_entry_apply() returns trigger language plpgsql as $$
begin
    -- the balance row first, empty (an INSERT ... ON CONFLICT would check its proposed row, a negative
    -- amount, against the CHECK before finding the existing balance); then the entry applied to it
    insert into credit_balance (user_id, balance, version, updated_at) values (new.user_id, 0, 0, now())
    on conflict (user_id) do nothing;
    update credit_balance set balance = balance + new.amount, version = version + 1, updated_at = now()
    where user_id = new.user_id
    returning balance, version into new.balance_after, new.balance_version;
    return new;
end $$;
create trigger credit_entry_apply before insert on credit_entry for each row execute function credit_entry_apply();

create function credit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'credit_entry rows are never changed or removed: add a correcting entry instead'
        using errcode = 'integrity_constraint_violation';
end $$;
create trigger credit_entry_append_only before update or delete on credit_entry
    for each row execute function credit_entry_append_only();
