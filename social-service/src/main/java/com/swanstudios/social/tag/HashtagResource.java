package com.swanstudios.social.tag;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.security.Caller;
import com.swanstudios.social.post.PostPage;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Hashtags over HTTP. Thin: which posts a tag lists is {@link HashtagService}'s, what a tag is {@link TextTags}'. */
@Path("/api/social/hashtags")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Hashtags", description = "Posts by the #tags in their text")
public class HashtagResource {

    private final HashtagService hashtags;
    private final Caller caller;

    public HashtagResource(HashtagService hashtags, Caller caller) {
        this.hashtags = hashtags;
        this.caller = caller;
    }

    @GET
    @Path("/{tag}/posts")
    @Operation(operationId = "listHashtagPosts", summary = "A hashtag's posts",
            description = "The posts whose text carries the hashtag (any case; with or without its '#', URL-encoded as "
                    + "%23) that you may see, newest first, a page at a time: the audience and block rules of getPost; "
                    + "others' posts only while published (your own flagged ones too); hidden and removed posts never; a "
                    + "share while you may see its original.")
    @APIResponseSchema(value = PostPage.class, responseDescription = "A page of posts")
    @APIResponse(responseCode = "400", description = "Not a hashtag (1 to 100 letters, digits or '_', at least one "
            + "letter), a cursor this service did not issue, or a limit outside 1 to 100")
    public Uni<PostPage> posts(@Parameter(description = "The hashtag, e.g. legday") @PathParam("tag") String tag,
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        String named = TextTags.tag(tag);
        UUID after = IdCursor.decode(cursor);
        return caller.actor().chain(reader -> hashtags.posts(reader, named, after, limit));
    }
}
