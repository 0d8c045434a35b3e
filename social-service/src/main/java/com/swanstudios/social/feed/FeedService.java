package com.swanstudios.social.feed;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.social.post.Post;
import com.swanstudios.social.post.PostPage;
import com.swanstudios.social.post.PostView;
import com.swanstudios.social.user.KnownUser;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The caller's home feed, read from the per-reader table {@link FeedEntries} keeps; newest first by post id. */
@ApplicationScoped
public class FeedService {

    /** A page of the reader's entries by primary key; others' posts only while moderation lets them be published. */
    private static final String PAGE = """
            select f.post_id from feed_entry f join post p on p.id = f.post_id
            where f.reader_id = $1 and ($2::uuid is null or f.post_id < $2)
              and (f.author_id = $1 or p.moderation_status = 'published')
            order by f.post_id desc limit $3""";

    @WithSession
    public Uni<PostPage> home(UUID reader, UUID after, int limit) {
        return NativeRows.list(PAGE, reader, after, limit + 1).chain(rows -> {
            IdCursor.Slice<Object[]> page = IdCursor.slice(rows, limit, row -> (UUID) row[0]);
            List<UUID> ids = page.items().stream().map(row -> (UUID) row[0]).toList();
            if (ids.isEmpty()) {
                return Uni.createFrom().item(new PostPage(List.of(), null));
            }
            return Post.<Post>list("id in ?1 order by id desc", ids).chain(posts -> KnownUser.<KnownUser>list("id in ?1",
                            posts.stream().map(post -> post.authorId).distinct().toList())
                    .map(users -> {
                        Map<UUID, KnownUser> authors = users.stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
                        return new PostPage(posts.stream().map(post -> PostView.of(post, authors.get(post.authorId))).toList(),
                                page.nextCursor());
                    }));
        });
    }
}
