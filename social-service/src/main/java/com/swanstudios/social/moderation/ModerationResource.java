package com.swanstudios.social.moderation;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.security.Caller;
import com.swanstudios.social.post.PostView;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

/** Reports and the moderation queue over HTTP. Thin: the rules are {@link ModerationService}'s. */
@Path("/api/social")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Moderation", description = "Members report posts; three reports flag one; admins decide")
public class ModerationResource {

    private final ModerationService moderation;
    private final Caller caller;

    public ModerationResource(ModerationService moderation, Caller caller) {
        this.moderation = moderation;
        this.caller = caller;
    }

    @POST
    @Path("/posts/{id}/reports")
    @Operation(operationId = "reportPost", summary = "Report a post",
            description = "Reports a post you may see and did not write, once. When 3 members have reported a published "
                    + "post it is flagged: out of every feed but its author's, in the moderation queue until an admin "
                    + "decides.")
    @APIResponse(responseCode = "201", description = "Your report",
            content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "403", description = "Your account is not active (account-inactive) or your email is not "
            + "verified (email-unverified)")
    @APIResponse(responseCode = "404", description = "No such post, or none you may see")
    @APIResponse(responseCode = "409", description = "You reported it already (already-reported), or your account is not "
            + "known here yet (author-unknown)")
    @APIResponse(responseCode = "422", description = "It is your own post (own-post)")
    public Uni<Response> report(@PathParam("id") UUID id, @Valid @NotNull NewReport request) {
        return caller.actor().chain(actor -> moderation.report(actor, id, request.reason()))
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    @Path("/moderation/queue")
    @Operation(operationId = "getModerationQueue", summary = "The moderation queue",
            description = "Flagged posts, the longest waiting first, with their open reports and what content analysis "
                    + "made of them: its score and reasons (admin). A post is flagged by 3 reports, or by a content "
                    + "analysis score at or above the service's threshold.")
    @APIResponseSchema(value = QueuePage.class, responseDescription = "A page of flagged posts")
    @APIResponse(responseCode = "400", description = "A cursor this service did not issue, or a limit outside 1 to 100")
    @APIResponse(responseCode = "403", description = "You are not an admin")
    public Uni<QueuePage> queue(@Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return caller.requireAdmin("read the moderation queue").chain(caller::actor)
                .chain(admin -> moderation.queue(admin, after, limit));
    }

    @GET
    @Path("/moderation/comments")
    @Operation(operationId = "getCommentModerationQueue", summary = "The comment queue",
            description = "Comments content analysis scored at or above the service's threshold, the longest waiting "
                    + "first, with the score and its reasons (admin). They stay in their threads until an admin decides.")
    @APIResponseSchema(value = CommentQueuePage.class, responseDescription = "A page of held comments")
    @APIResponse(responseCode = "400", description = "A cursor this service did not issue, or a limit outside 1 to 100")
    @APIResponse(responseCode = "403", description = "You are not an admin")
    public Uni<CommentQueuePage> commentQueue(
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return caller.requireAdmin("read the comment queue").chain(() -> moderation.commentQueue(after, limit));
    }

    @POST
    @Path("/moderation/comments/{id}")
    @Operation(operationId = "moderateComment", summary = "Decide on a held comment",
            description = "approve keeps the comment and takes it out of the comment queue; remove deletes it (a comment "
                    + "others replied to stays as a tombstone without author or text) (admin).")
    @APIResponse(responseCode = "204", description = "Decided")
    @APIResponse(responseCode = "403", description = "You are not an admin")
    @APIResponse(responseCode = "404", description = "No such comment (approve: none held for review)")
    public Uni<Void> decideComment(@PathParam("id") UUID id, @Valid @NotNull CommentDecision decision) {
        return caller.requireAdmin("moderate comments").chain(caller::actor)
                .chain(admin -> moderation.decideComment(admin, id, decision.action()));
    }

    @POST
    @Path("/moderation/posts/{id}")
    @Operation(operationId = "moderatePost", summary = "Decide on a post",
            description = "approve publishes it again (back in feeds), hide or remove takes it from all but its author "
                    + "and admins; its open reports are resolved (admin).")
    @APIResponseSchema(value = PostView.class, responseDescription = "The post after the decision")
    @APIResponse(responseCode = "403", description = "You are not an admin")
    @APIResponse(responseCode = "404", description = "No such post")
    public Uni<PostView> decide(@PathParam("id") UUID id, @Valid @NotNull ModerationDecision decision) {
        return caller.requireAdmin("moderate posts").chain(caller::actor)
                .chain(admin -> moderation.decide(admin, id, decision.action()));
    }
}
