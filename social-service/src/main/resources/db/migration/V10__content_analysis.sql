-- What content analysis (analysis/ContentReview) made of each post and comment with text: the score (0 to 100), the
-- reasons behind it, which analyser gave it, and a fingerprint of the normalised text so the next one can tell a
-- duplicate. The row's id is the post's or the comment's (both UUIDv7, never equal). A post or comment scored at or
-- above the threshold went to the moderation queue: a post by becoming flagged, a comment by flagged_at (until an
-- admin decides, reviewed_at). A comment's row goes when its text does (tombstone or deletion).
create table content_analysis (
    id          uuid primary key,
    post_id     uuid        not null references post (id) on delete cascade,
    comment_id  uuid references comment (id) on delete cascade,
    author_id   uuid        not null,
    fingerprint uuid        not null,
    score       smallint    not null check (score between 0 and 100),
    reasons     jsonb       not null check (jsonb_typeof(reasons) = 'array'),
    analyser    varchar(40) not null,
    analysed_at timestamptz not null,
    flagged_at  timestamptz,
    reviewed_at timestamptz,
    constraint content_analysis_of_post_or_comment check (case when comment_id is null then id = post_id else id = comment_id end),
    constraint content_analysis_flags_comments_only check (comment_id is not null or flagged_at is null and reviewed_at is null)
);
-- duplicates: the same author's same text, recently
create index content_analysis_duplicates on content_analysis (author_id, fingerprint, analysed_at);
-- the comment queue, oldest first
create index content_analysis_flagged_comments on content_analysis (id)
    where comment_id is not null and flagged_at is not null and reviewed_at is null;
