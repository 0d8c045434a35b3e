-- The users this service knows, projected from identity.user.v1 (user-service owns them; no foreign key
-- crosses databases). Values are not CHECKed here: the producer may add roles or states within v1.
create table known_user (
    id             uuid primary key,
    username       varchar(30),
    display_name   varchar(60) not null,
    avatar_url     varchar(500),
    role           varchar(16) not null,
    status         varchar(16) not null,
    -- absent on events published before user-service carried it: true, as the contract says
    email_verified boolean     not null,
    version        bigint      not null,
    applied_at     timestamptz not null default clock_timestamp()
);
