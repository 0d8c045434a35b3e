-- A realistic starter catalog, so a fresh stack has something to sell. Each package is announced on
-- storefront.package.v1 through the outbox like any other change, so consumers learn about it too.
insert into training_package (id, name, description, package_type, sessions, months, sessions_per_week,
                              total_sessions, price_per_session_cents, total_cost_cents, display_order)
values
    ('019a0000-0000-7000-8000-000000000001', 'Single Session', 'One personal training session, to try it out.',
     'fixed', 1, null, null, 1, 17500, 17500, 10),
    ('019a0000-0000-7000-8000-000000000002', 'Silver Package', 'Eight sessions to build a routine.',
     'fixed', 8, null, null, 8, 16500, 132000, 20),
    ('019a0000-0000-7000-8000-000000000003', 'Gold Package', 'Twenty sessions for steady progress.',
     'fixed', 20, null, null, 20, 15500, 310000, 30),
    ('019a0000-0000-7000-8000-000000000004', '3-Month Program', 'Three months, two sessions a week.',
     'monthly', null, 3, 2, 24, 15000, 360000, 40),
    ('019a0000-0000-7000-8000-000000000005', '6-Month Transformation', 'Six months, three sessions a week.',
     'monthly', null, 6, 3, 72, 14000, 1008000, 50);

insert into outbox_message (id, topic, aggregate_id, event_type, payload)
select gen_random_uuid(), 'storefront.package.v1', p.id::text, 'com.swanstudios.storefront.package.created',
       jsonb_build_object(
           'id', p.id, 'name', p.name, 'description', p.description, 'packageType', p.package_type,
           'sessions', p.sessions, 'months', p.months, 'sessionsPerWeek', p.sessions_per_week,
           'totalSessions', p.total_sessions, 'pricePerSessionCents', p.price_per_session_cents,
           'totalCostCents', p.total_cost_cents, 'currency', p.currency, 'displayOrder', p.display_order,
           'active', p.active, 'version', p.version)
from training_package p
order by p.display_order;
