-- Reports of posts by their readers. Three open reports by distinct users flag a published post (ModerationService,
-- under a lock of the post's row); an admin's decision resolves the open ones. A reporter whose account is erased
-- leaves the report without reporter or reason, so the post's count stays right.
create table post_report (
    id          uuid primary key,
    post_id     uuid        not null references post (id) on delete cascade,
    reporter_id uuid,
    reason      varchar(500) check (char_length(reason) between 1 and 500 and reason ~ '\S'),
    created_at  timestamptz not null,
    resolved_at timestamptz,
    constraint post_report_reason_while_reporter_known check ((reporter_id is null) = (reason is null))
);
-- one report per user and post
create unique index post_report_once on post_report (post_id, reporter_id);
create index post_report_open on post_report (post_id) where resolved_at is null;
create index post_report_by_reporter on post_report (reporter_id);
-- the moderation queue, oldest first
create index post_flagged on post (id) where moderation_status = 'flagged';
