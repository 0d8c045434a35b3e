package com.swanstudios.social.post;

import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.social.user.KnownUser;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Posts as a reader sees them, with their authors and, on shares, the original: only if the reader may see the
 * original (PostRules), else null, so a share never shows its original to more people than the original does.
 */
public final class PostViews {

    private PostViews() {
    }

    public static Uni<PostView> render(Actor reader, Post post) {
        return render(reader, List.of(post)).map(views -> views.get(0));
    }

    /** The posts in the order given. */
    public static Uni<List<PostView>> render(Actor reader, List<Post> posts) {
        Set<UUID> originalIds = posts.stream().map(post -> post.sharedPostId).filter(Objects::nonNull).collect(Collectors.toSet());
        Uni<List<Post>> originals = originalIds.isEmpty() ? Uni.createFrom().item(List.of())
                : Post.<Post>list("id in ?1", originalIds).chain(found -> seen(reader, found));
        return originals.chain(seen -> {
            Set<UUID> authorIds = new HashSet<>();
            posts.forEach(post -> authorIds.add(post.authorId));
            seen.forEach(post -> authorIds.add(post.authorId));
            return KnownUser.<KnownUser>list("id in ?1", authorIds).map(users -> {
                Map<UUID, KnownUser> authors = users.stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
                Map<UUID, PostView> shared = seen.stream().collect(Collectors.toMap(post -> post.id,
                        post -> PostView.of(post, authors.get(post.authorId))));
                return posts.stream().map(post -> PostView.of(post, authors.get(post.authorId),
                        post.sharedPostId == null ? null : shared.get(post.sharedPostId))).toList();
            });
        });
    }

    /** Those of the posts the reader may see, one look-up of relations at a time (a session runs one statement at once). */
    private static Uni<List<Post>> seen(Actor reader, List<Post> posts) {
        return Multi.createFrom().iterable(posts)
                .onItem().transformToUniAndConcatenate(post -> PostAccess.relation(reader, post.authorId)
                        .map(relation -> PostRules.visibleTo(post, reader, relation) ? Optional.of(post) : Optional.<Post>empty()))
                .filter(Optional::isPresent).map(Optional::get)
                .collect().asList();
    }
}
