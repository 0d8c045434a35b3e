-- The home feed, one row per reader and post, filled on write (FeedEntries): read newest first by the primary key
-- alone, so a page costs the same at 10k posts as at 1M. Deleting a post deletes its entries (the foreign key).
create table feed_entry (
    reader_id uuid not null,
    post_id   uuid not null references post (id) on delete cascade,
    author_id uuid not null,
    primary key (reader_id, post_id)
);
-- pruning a pair's entries (unfollow, unfriend, block)
create index feed_entry_reader_author on feed_entry (reader_id, author_id);
-- a post's entries (re-fanned on an edit of its visibility; the cascade of its deletion)
create index feed_entry_post on feed_entry (post_id);
