-- Hashtags and mentions found in posts (a share's comment included) and comments, kept by tag/ContentTags in the
-- transaction that writes the text: replaced on every edit, gone with the post or comment (the foreign keys) and with a
-- comment's text when it becomes a tombstone. A tag is stored as matched, lower-cased (TextTags says what a tag is).

-- A post's hashtags; GET /api/social/hashtags/{tag}/posts reads a tag's posts newest first by the primary key alone
create table post_hashtag (
    tag     varchar(100) not null check (char_length(tag) >= 1 and tag = lower(tag) and tag !~ '[\s#@]'),
    post_id uuid         not null references post (id) on delete cascade,
    primary key (tag, post_id)
);
create index post_hashtag_of_post on post_hashtag (post_id);

-- A comment's hashtags: what its author writes about (shared interests, recommendation/), not a listing of posts
create table comment_hashtag (
    tag        varchar(100) not null check (char_length(tag) >= 1 and tag = lower(tag) and tag !~ '[\s#@]'),
    comment_id uuid         not null references comment (id) on delete cascade,
    primary key (tag, comment_id)
);
create index comment_hashtag_of_comment on comment_hashtag (comment_id);

-- Users mentioned by @username: only those known here, active and not separated from the author by a block when the
-- text was written (any other @word is just text); one row per user and post or comment
create table post_mention (
    post_id uuid not null references post (id) on delete cascade,
    user_id uuid not null,
    primary key (post_id, user_id)
);
create index post_mention_of_user on post_mention (user_id);

create table comment_mention (
    comment_id uuid not null references comment (id) on delete cascade,
    user_id    uuid not null,
    primary key (comment_id, user_id)
);
create index comment_mention_of_user on comment_mention (user_id);

-- mentions are resolved by username, which user-service keeps unique whatever its case
create index known_user_by_username on known_user (lower(username)) where username is not null;
-- a user's recent comments (the analysis's burst signal; a comment id is time-ordered like a post's)
create index comment_by_author_newest on comment (author_id, id desc);
