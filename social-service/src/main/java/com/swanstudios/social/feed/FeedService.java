package com.swanstudios.social.feed;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.social.post.Post;
import com.swanstudios.social.post.PostPage;
import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.social.post.PostViews;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The caller's home feed, read from the per-reader table {@link FeedEntries} keeps; newest first by post id. */
@ApplicationScoped
public class FeedService {

    /**
     * A page of the reader's entries by primary key; others' posts only while moderation lets them be published; a
     * share only while its original is one the reader may see (its audience, blocks) and, unless it is the reader's,
     * published: a share never shows its original to more people than the original does.
     */
    private static final String PAGE = """
            select f.post_id from feed_entry f join post p on p.id = f.post_id
            left join post o on o.id = p.shared_post_id
            where f.reader_id = $1 and ($2::uuid is null or f.post_id < $2)
              and (f.author_id = $1 or p.moderation_status = 'published')
              and (o.id is null or o.author_id = $1
                   or o.moderation_status = 'published' and post_audience_includes($1, o.author_id, o.visibility))
            order by f.post_id desc limit $3""";

    @WithSession
    public Uni<PostPage> home(Actor reader, UUID after, int limit) {
        return NativeRows.list(PAGE, reader.id(), after, limit + 1).chain(rows -> {
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
