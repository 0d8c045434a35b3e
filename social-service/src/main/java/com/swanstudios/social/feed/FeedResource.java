package com.swanstudios.social.feed;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller;
import com.swanstudios.social.post.PostPage;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The home feed over HTTP. Thin: what goes in a feed is {@link FeedEntries}. */
@Path("/api/social/feed")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Feed", description = "The home feed: your posts and those of whom you follow or are friends with")
public class FeedResource {

    private final FeedService feed;
    private final Caller caller;

    public FeedResource(FeedService feed, Caller caller) {
        this.feed = feed;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getHomeFeed", summary = "Your home feed",
            description = "Your own posts and those of the members you follow (accepted) or are friends with that you may "
                    + "see, a page at a time: newest first (order=newest, the default), or order=relevant, your newest 100 "
                    + "ranked by how much you and each author interact (reactions, comments, shares, mentions, fading "
                    + "over a month) and by age, then on newest first. Blocks and moderation apply: a hidden, removed or "
                    + "flagged post stays only in its author's feed. A share shows while its original is one you may see.")
    @APIResponseSchema(value = PostPage.class, responseDescription = "A page of posts")
    @APIResponse(responseCode = "400", description = "An order other than newest or relevant, a cursor this service did "
            + "not issue, or a limit outside 1 to 100")
    public Uni<PostPage> home(@Parameter(description = "newest (default) or relevant") @QueryParam("order")
                    @DefaultValue("newest") String order,
            @Parameter(description = "From a previous page's nextCursor, with the same order") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return switch (order) {
            case "newest" -> {
                UUID after = IdCursor.decode(cursor);
                yield caller.actor().chain(reader -> feed.home(reader, after, limit));
            }
            case "relevant" -> caller.actor().chain(reader -> feed.relevant(reader, cursor, limit));
            default -> throw DomainException.invalidField("order", "is newest or relevant");
        };
    }
}
