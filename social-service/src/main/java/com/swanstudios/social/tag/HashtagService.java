package com.swanstudios.social.tag;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.social.post.Post;
import com.swanstudios.social.post.PostPage;
import com.swanstudios.social.post.PostViews;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * A hashtag's posts, newest first, as the reader may see them: the rules of a post's page (PostRules: audience,
 * blocks either way, in SQL by {@code post_audience_includes}) and of the home feed for moderation and shares. Only
 * published posts of others are listed; the reader's own flagged ones too; a hidden or removed post never, not even to
 * its author or an admin (it is out of circulation until a moderator says otherwise). A share is listed only while
 * its reader may see the original, so a tag never shows an original to more people than the original does.
 */
@ApplicationScoped
public class HashtagService {

    /** Read by the tag's primary key newest first; each row's audience is asked only until the page is full. */
    private static final String PAGE = """
            select h.post_id from post_hashtag h join post p on p.id = h.post_id
            left join post o on o.id = p.shared_post_id
            where h.tag = $1 and ($2::uuid is null or h.post_id < $2)
              and (p.moderation_status = 'published' or p.moderation_status = 'flagged' and p.author_id = $3)
              and ($4 or post_audience_includes($3, p.author_id, p.visibility))
              and (o.id is null or o.author_id = $3 and o.moderation_status in ('published', 'flagged')
                   or o.moderation_status = 'published' and ($4 or post_audience_includes($3, o.author_id, o.visibility)))
            order by h.post_id desc limit $5""";

    @WithSession
    public Uni<PostPage> posts(Actor reader, String tag, UUID after, int limit) {
        return NativeRows.list(PAGE, tag, after, reader.id(), reader.admin(), limit + 1).chain(rows -> {
            IdCursor.Slice<Object[]> page = IdCursor.slice(rows, limit, row -> (UUID) row[0]);
            List<UUID> ids = page.items().stream().map(row -> (UUID) row[0]).toList();
            if (ids.isEmpty()) {
                return Uni.createFrom().item(new PostPage(List.of(), null));
            }
            return Post.<Post>list("id in ?1 order by id desc", ids).chain(posts -> PostViews.render(reader, posts))
                    .map(views -> new PostPage(views, page.nextCursor()));
        });
    }
}
