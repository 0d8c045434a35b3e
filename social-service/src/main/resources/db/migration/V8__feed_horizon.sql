-- The home feed is bounded: FeedTrimmer keeps a reader's newest social.feed.capacity (800) entries and records here
-- the newest post id it cut. Above that id the reader's feed is read from feed_entry; at and below it, from the
-- posts themselves (FeedService's pull path, for the rare reader paging that deep). Without the bound the table
-- would grow by one row per follower for every post, forever: about 200M rows at 1M posts by 10,000 users who
-- each follow 200.
create table feed_horizon (
    reader_id       uuid primary key,
    through_post_id uuid not null
);
