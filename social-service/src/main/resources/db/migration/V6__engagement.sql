-- Engagement on posts: per-post counters, reactions, comments, views, and shares (a share is a post of type
-- 'share' pointing at its original). Every change to a post's reactions, comments, shares or views first locks the
-- post's post_stats row (after a FOR SHARE lock on the post itself), writes its rows, and moves the counters by what
-- it wrote, in one transaction: writers of one post queue on that row, so no increment is lost and a reader gets the
-- counts in one primary-key read however many rows they count.
create table post_stats (
    post_id          uuid primary key references post (id) on delete cascade,
    reactions_like   integer not null default 0 check (reactions_like >= 0),
    reactions_love   integer not null default 0 check (reactions_love >= 0),
    reactions_fire   integer not null default 0 check (reactions_fire >= 0),
    reactions_strong integer not null default 0 check (reactions_strong >= 0),
    reactions_clap   integer not null default 0 check (reactions_clap >= 0),
    comments         integer not null default 0 check (comments >= 0),
    shares           integer not null default 0 check (shares >= 0),
    -- distinct viewers other than the author; kept when a viewer's account is erased (see AccountRemoval)
    views            bigint  not null default 0 check (views >= 0)
);
insert into post_stats (post_id) select id from post;

-- One reaction per user and post (the primary key); changing its kind replaces it.
create table reaction (
    post_id    uuid        not null references post (id) on delete cascade,
    user_id    uuid        not null,
    kind       varchar(16) not null check (kind in ('like', 'love', 'fire', 'strong', 'clap')),
    created_at timestamptz not null,
    primary key (post_id, user_id)
);
create index reaction_by_user on reaction (user_id);

-- Comments and replies to them, at most 3 levels below a comment on the post (depth 0 to 3); a reply is on its
-- parent's post (the composite foreign key). A deleted comment that has replies stays as a tombstone (no author,
-- no content) so its thread holds together; one without replies is removed.
create table comment (
    id         uuid primary key,
    post_id    uuid        not null references post (id) on delete cascade,
    parent_id  uuid,
    author_id  uuid,
    depth      smallint    not null check (depth between 0 and 3),
    content    varchar(2000) check (char_length(content) between 1 and 2000 and content ~ '\S'),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    deleted_at timestamptz,
    constraint comment_on_post unique (post_id, id),
    constraint comment_reply_on_same_post foreign key (post_id, parent_id) references comment (post_id, id),
    constraint comment_root_or_reply check ((parent_id is null) = (depth = 0)),
    constraint comment_live_or_tombstone check (
        case when deleted_at is null then author_id is not null and content is not null
             else author_id is null and content is null end)
);
create index comment_by_parent on comment (parent_id) where parent_id is not null;
create index comment_by_author on comment (author_id);

-- Who viewed a post (other than its author), once each: the views counter counts these rows as they arrive.
create table post_view (
    post_id   uuid        not null references post (id) on delete cascade,
    viewer_id uuid        not null,
    viewed_at timestamptz not null,
    primary key (post_id, viewer_id)
);
create index post_view_by_viewer on post_view (viewer_id);

-- Shares: a post of type 'share' with the sharer's optional comment (at most 2,000 characters) and no media or
-- workout, pointing at the original, which is never itself a share (sharing a share shares its original). A share
-- goes when its original does. One share per user and original.
alter table post add column shared_post_id uuid references post (id) on delete cascade;
alter table post alter column content drop not null;
alter table post drop constraint post_type_check;
alter table post add constraint post_type_check check (type in ('text', 'image', 'workout', 'achievement', 'share'));
alter table post drop constraint post_content_check;
alter table post add constraint post_content_check check (
    case when type = 'share' then content is null or char_length(content) between 1 and 2000 and content ~ '\S'
         else content is not null and char_length(content) between 1 and 5000 and content ~ '\S' end);
alter table post add constraint post_share_points_at_original check (
    (type = 'share') = (shared_post_id is not null) and (type <> 'share' or cardinality(media_urls) = 0));
create unique index post_one_share_per_user on post (author_id, shared_post_id) where shared_post_id is not null;
create index post_shares_of on post (shared_post_id) where shared_post_id is not null;

-- Whether a viewer stands to an author so that they may see a post of this visibility (PostRules.audience in SQL,
-- moderation aside): for the feed's check that a share's original is one its reader may see.
create function post_audience_includes(viewer uuid, author uuid, visibility varchar) returns boolean
    language sql stable
    as $$
    select viewer = author or visibility in ('public', 'followers', 'friends')
        and not exists (select 1 from connection c where c.status = 'blocked'
                        and (c.requester_id = viewer and c.target_id = author or c.requester_id = author and c.target_id = viewer))
        and (visibility = 'public'
             or exists (select 1 from connection c where c.status = 'accepted'
                        and (c.type = 'friend' and (c.requester_id = viewer and c.target_id = author
                                                    or c.requester_id = author and c.target_id = viewer)
                             or visibility = 'followers' and c.type = 'follow' and c.requester_id = viewer
                                and c.target_id = author)))
    $$;
