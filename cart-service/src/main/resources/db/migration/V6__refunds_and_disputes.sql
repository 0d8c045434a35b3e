-- Refunds and disputes. A refund reverses the order's credits in the ledger with the order's move to refunded,
-- then the provider returns the money; refund_reference is set once the provider confirmed it, so a repeated
-- refund call finishes an interrupted one instead of refunding twice. A dispute freezes the order's unspent
-- credits (a 'frozen' entry) until it closes: won, they are released; lost, they stay taken.
alter table customer_order
    add column refund_reference  varchar(255),
    add column refund_reason     varchar(500),
    add column refunded_at       timestamptz,
    add column dispute_reference varchar(255);
create index customer_order_payment_reference on customer_order (payment_reference) where payment_reference is not null;

alter table credit_entry drop constraint credit_entry_kind_check;
alter table credit_entry add constraint credit_entry_kind_check
    check (kind in ('granted', 'spent', 'refunded', 'reversed', 'adjusted', 'frozen', 'released'));
alter table credit_entry drop constraint credit_entry_sign;
alter table credit_entry add constraint credit_entry_sign check (
    (kind in ('granted', 'refunded', 'released') and amount > 0)
    or (kind in ('spent', 'reversed', 'frozen') and amount < 0)
    or kind = 'adjusted');
alter table credit_entry add constraint credit_entry_order_kinds
    check (kind not in ('reversed', 'frozen', 'released') or order_id is not null);
create unique index credit_entry_one_reversal_per_order on credit_entry (order_id) where kind = 'reversed';
create unique index credit_entry_one_freeze_per_order on credit_entry (order_id) where kind = 'frozen';
create unique index credit_entry_one_release_per_order on credit_entry (order_id) where kind = 'released';
