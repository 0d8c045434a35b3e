package com.swanstudios.social.comment;

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

/** Comments over HTTP. Thin: the rules are {@link CommentRules} and {@link CommentService}'s. */
@Path("/api/social")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Comments", description = "Comments on posts and replies to them, three levels deep at most")
public class CommentResource {

    private static final String POST_HIDDEN = "No such post, or none you may see";
    private static final String COMMENT_HIDDEN = "No such comment (or it was deleted), or it is on a post you may not see";

    private final CommentService comments;
    private final Caller caller;

    public CommentResource(CommentService comments, Caller caller) {
        this.comments = comments;
        this.caller = caller;
    }

    @POST
    @Path("/posts/{id}/comments")
    @Operation(operationId = "createComment", summary = "Comment on a post, or reply to a comment",
            description = "Comments (1 to 2,000 characters) on a post you may see, or replies to one of its comments "
                    + "(parentId). Replies nest at most 3 levels below a comment on the post.")
    @APIResponse(responseCode = "201", description = "The comment",
            content = @Content(schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "403", description = "Your account is not active (account-inactive) or your email is not "
            + "verified (email-unverified)")
    @APIResponse(responseCode = "404", description = POST_HIDDEN + "; or no such comment on it to reply to")
    @APIResponse(responseCode = "409", description = "A moderator hid or removed the post (post-moderated), or your "
            + "account is not known here yet (author-unknown)")
    @APIResponse(responseCode = "422", description = "The comment replied to is 3 levels deep already (reply-too-deep)")
    public Uni<Response> create(@PathParam("id") UUID id, @Valid @NotNull NewComment request) {
        return caller.actor().chain(actor -> comments.create(actor, id, request))
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    @Path("/posts/{id}/comments")
    @Operation(operationId = "listComments", summary = "A post's comments",
            description = "The comments and replies of a post you may see, oldest first, a page at a time (each names "
                    + "the comment it replies to), without those of members a block separates you from.")
    @APIResponseSchema(value = CommentPage.class, responseDescription = "A page of comments")
    @APIResponse(responseCode = "400", description = "A cursor this service did not issue, or a limit outside 1 to 100")
    @APIResponse(responseCode = "404", description = POST_HIDDEN)
    public Uni<CommentPage> list(@PathParam("id") UUID id,
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return caller.actor().chain(actor -> comments.list(actor, id, after, limit));
    }

    @PATCH
    @Path("/comments/{id}")
    @Operation(operationId = "updateComment", summary = "Edit a comment",
            description = "Its author changes a comment's text, while the post is one they may see and not hidden or removed.")
    @APIResponseSchema(value = CommentView.class, responseDescription = "The comment after the edit")
    @APIResponse(responseCode = "403", description = "You did not write it")
    @APIResponse(responseCode = "404", description = COMMENT_HIDDEN)
    @APIResponse(responseCode = "409", description = "A moderator hid or removed the post (post-moderated)")
    public Uni<CommentView> update(@PathParam("id") UUID id, @Valid @NotNull CommentChange change) {
        return caller.actor().chain(actor -> comments.update(actor, id, change));
    }

    @DELETE
    @Path("/comments/{id}")
    @Operation(operationId = "deleteComment", summary = "Delete a comment",
            description = "Its author, or an admin, deletes a comment. One that has replies stays in its thread as a "
                    + "deleted comment, without author or text.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "You did not write it")
    @APIResponse(responseCode = "404", description = COMMENT_HIDDEN)
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return caller.actor().chain(actor -> comments.delete(actor, id));
    }
}
