package com.swanstudios.social.tag;

import com.swanstudios.platform.kit.persistence.NativeRows;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the hashtags and mentions of posts and comments (V9__hashtags_and_mentions.sql) equal to what their text says
 * now ({@link TextTags}), in the caller's transaction: called with the text on every create and edit, and when a
 * comment's text is gone ({@link #commentCleared}); a deleted post or comment takes its rows with it (the foreign
 * keys). Each call answers who is newly mentioned, so a mention is announced and scored once however often the text
 * is edited.
 * <p>
 * A mention names a user known here by username (whatever its case), active, other than the author and not separated
 * from the author by a block either way; any other {@code @word} is just text.
 */
public final class ContentTags {

    private static final String HASHTAGS = """
            with gone as (delete from %1$s_hashtag where %1$s_id = $1 and tag <> all($2::text[]))
            insert into %1$s_hashtag (tag, %1$s_id) select t, $1::uuid from unnest($2::text[]) as t
            on conflict do nothing returning tag""";
    private static final String MENTIONS = """
            with named as (
                select u.id from known_user u
                where u.username is not null and lower(u.username) = any($3::text[]) and u.id <> $2 and u.status = 'active'
                  and not exists (select 1 from connection c where c.status = 'blocked'
                      and (c.requester_id = $2 and c.target_id = u.id or c.requester_id = u.id and c.target_id = $2))),
            gone as (delete from %1$s_mention m where m.%1$s_id = $1 and m.user_id not in (select id from named))
            insert into %1$s_mention (%1$s_id, user_id) select $1::uuid, id from named
            on conflict do nothing returning user_id""";
    private static final String CLEAR_COMMENT = """
            with tags as (delete from comment_hashtag where comment_id = $1)
            delete from comment_mention where comment_id = $1 returning user_id""";

    private ContentTags() {
    }

    /** A post's (or a share's) text was written: its tags as the text says; the users it newly mentions. */
    public static Uni<List<UUID>> post(UUID postId, UUID authorId, String text) {
        return write("post", postId, authorId, text);
    }

    /** A comment's text was written: its tags as the text says; the users it newly mentions. */
    public static Uni<List<UUID>> comment(UUID commentId, UUID authorId, String text) {
        return write("comment", commentId, authorId, text);
    }

    /** A comment became a tombstone: its tags go with its text. */
    public static Uni<Void> commentCleared(UUID commentId) {
        return NativeRows.list(CLEAR_COMMENT, commentId).replaceWithVoid();
    }

    private static Uni<List<UUID>> write(String source, UUID id, UUID authorId, String text) {
        TextTags.Found found = TextTags.in(text);
        return NativeRows.list(HASHTAGS.formatted(source), id, found.hashtags().toArray(String[]::new))
                .chain(() -> NativeRows.list(MENTIONS.formatted(source), id, authorId, found.usernames().toArray(String[]::new)))
                .map(rows -> rows.stream().map(row -> (UUID) row[0]).sorted().toList());
    }
}
