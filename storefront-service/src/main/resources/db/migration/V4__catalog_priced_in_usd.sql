-- The minimum price per session (14000 cents) is a US-dollar amount, and no other currency has pricing
-- rules yet: until one does, a package in another currency would slip past the minimum, so the catalog
-- is USD only. (A new currency comes with its own minimum, in a later migration.)
alter table training_package
    add constraint training_package_currency_usd check (currency = 'USD');
