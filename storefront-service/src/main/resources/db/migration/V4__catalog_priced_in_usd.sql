-- The minimum price per session (14000 cents) is a US-dollar amount, and no other currency has pricing
-- rules yet: until one does, a package in another currency would slip past the minimum, so the catalog
-- is USD only. (A new currency comes with its own minimum, in a later migration.)
-- Packages already priced otherwise are not converted behind anyone's back: the migration stops, naming
-- them, and the service does not start until they are repriced or removed.
do $$
declare
    offending text;
begin
    select string_agg(name || ' (' || currency || ')', ', ' order by name) into offending
    from training_package where currency <> 'USD';
    if offending is not null then
        raise exception 'training_package has packages not priced in USD: %; reprice them in USD first', offending;
    end if;
end $$;

alter table training_package
    add constraint training_package_currency_usd check (currency = 'USD');
