-- A new signing key is published in the JWKS before it signs: every verifier (other services cache the
-- JWKS) has had the chance to fetch it by the time the first token it signed reaches them. A key signs
-- from activates_at; the key before it retires at that moment and stays published until its tokens expire.
alter table signing_key add column activates_at timestamptz;
update signing_key set activates_at = created_at;
alter table signing_key alter column activates_at set not null;
alter table signing_key alter column activates_at set default now();
