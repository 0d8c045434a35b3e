package com.swanstudios.social.share;

import com.swanstudios.platform.kit.security.Caller;
import com.swanstudios.social.post.PostView;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Shares over HTTP. Thin: the rules are {@link ShareService}'s. */
@Path("/api/social")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Shares", description = "Reposts of a post to the sharer's followers, never to more people than see the original")
public class ShareResource {

    private final ShareService shares;
    private final Caller caller;

    public ShareResource(ShareService shares, Caller caller) {
        this.shares = shares;
        this.caller = caller;
    }

    @POST
    @Path("/posts/{id}/shares")
    @Operation(operationId = "sharePost", summary = "Share a post",
            description = "Reposts a post you may see to your followers (and friends), with an optional comment: a post "
                    + "of type share. Its readers see the original only if they may see the original itself, so a share "
                    + "never widens its audience; a private post is never shared. Sharing a share shares its original. "
                    + "One share per member and post.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = NewShare.class)))
    @APIResponse(responseCode = "201", description = "The share, as a post",
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "403", description = "Your account is not active (account-inactive) or your email is not "
            + "verified (email-unverified)")
    @APIResponse(responseCode = "404", description = "No such post, or none you may see")
    @APIResponse(responseCode = "409", description = "You shared it already (already-shared), a moderator hid or removed "
            + "it (post-moderated), or your account is not known here yet (author-unknown)")
    @APIResponse(responseCode = "422", description = "A private post, or one flagged for moderation, is not shared "
            + "(not-shareable)")
    public Uni<Response> share(@PathParam("id") UUID id, @Valid NewShare request) {
        String comment = request == null ? null : request.comment();
        return caller.actor().chain(actor -> shares.share(actor, id, comment))
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }
}
