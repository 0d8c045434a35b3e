package com.swanstudios.social.post;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Posts over HTTP. Thin: rules live in {@link PostService} and {@link PostRules}. */
@Path("/api/social")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Posts", description = "What members publish: text, pictures, workouts and achievements, each with its audience")
public class PostResource {

    private static final String HIDDEN = "No such post, or none you may see (a post you may not see does not exist for you)";

    private final PostService posts;
    private final Caller caller;

    public PostResource(PostService posts, Caller caller) {
        this.posts = posts;
        this.caller = caller;
    }

    @POST
    @Path("/posts")
    @Operation(operationId = "createPost", summary = "Publish a post",
            description = "Publishes a post as you: text (1 to 5,000 characters), an image post (at least one https media "
                    + "URL, at most 10), a workout summary (with its workout) or an achievement, seen by the audience its "
                    + "visibility names. Only an active account with a verified email publishes.")
    @APIResponse(responseCode = "201", description = "The post as published",
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "403", description = "Your account is not active (account-inactive) or your email is not "
            + "verified (email-unverified)")
    @APIResponse(responseCode = "409", description = "Your account is not known to this service yet (author-unknown): "
            + "try again in a moment")
    public Uni<Response> create(@Valid @NotNull NewPost request) {
        return caller.requireUserId().chain(author -> posts.create(author, request))
                .map(post -> Response.status(Response.Status.CREATED).entity(post).build());
    }

    @GET
    @Path("/posts/{id}")
    @Operation(operationId = "getPost", summary = "One post",
            description = "A post you may see: every post of your own; another's public posts, followers posts if you "
                    + "follow them or are friends, friends posts if you are friends; nothing of someone a block separates "
                    + "you from (an admin sees all).")
    @APIResponseSchema(value = PostView.class, responseDescription = "The post")
    @APIResponse(responseCode = "404", description = HIDDEN)
    public Uni<PostView> get(@PathParam("id") UUID id) {
        return caller.actor().chain(actor -> posts.get(actor, id));
    }

    @PATCH
    @Path("/posts/{id}")
    @Operation(operationId = "updatePost", summary = "Edit a post",
            description = "Changes a post's content, media, workout or visibility (never its type). Its author may edit "
                    + "it for 24 hours after publishing; an admin at any time.")
    @APIResponseSchema(value = PostView.class, responseDescription = "The post after the edit")
    @APIResponse(responseCode = "403", description = "You can see the post but did not write it, or your account may not "
            + "publish (account-inactive, email-unverified)")
    @APIResponse(responseCode = "404", description = HIDDEN)
    @APIResponse(responseCode = "409", description = "More than 24 hours have passed since it was published "
            + "(edit-window-closed), or someone changed it meanwhile")
    public Uni<PostView> update(@PathParam("id") UUID id, @Valid @NotNull PostChange change) {
        return caller.actor().chain(actor -> posts.update(actor, id, change));
    }

    @DELETE
    @Path("/posts/{id}")
    @Operation(operationId = "deletePost", summary = "Delete a post",
            description = "Deletes a post for good: its author at any time, or an admin.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "You can see the post but did not write it")
    @APIResponse(responseCode = "404", description = HIDDEN)
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return caller.actor().chain(actor -> posts.delete(actor, id));
    }

    @GET
    @Path("/users/{id}/posts")
    @Operation(operationId = "listUserPosts", summary = "A user's posts",
            description = "The posts of one user that you may see, newest first, a page at a time: yours all, another's "
                    + "as getPost says who sees which (an admin sees all).")
    @APIResponseSchema(value = PostPage.class, responseDescription = "A page of posts")
    @APIResponse(responseCode = "400", description = "A cursor this service did not issue, or a limit outside 1 to 100")
    @APIResponse(responseCode = "404", description = "No such user known here, or one a block hides from you")
    public Uni<PostPage> byAuthor(@PathParam("id") UUID id,
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return caller.actor().chain(actor -> posts.byAuthor(actor, id, after, limit));
    }
}
