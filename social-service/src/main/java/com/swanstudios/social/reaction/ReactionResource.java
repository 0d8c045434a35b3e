package com.swanstudios.social.reaction;

import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reactions over HTTP. Thin: the rules are {@link ReactionService}'s. */
@Path("/api/social")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Reactions", description = "One reaction per member and post: like, love, fire, strong or clap")
public class ReactionResource {

    private static final String HIDDEN = "No such post, or none you may see";

    private final ReactionService reactions;
    private final Caller caller;

    public ReactionResource(ReactionService reactions, Caller caller) {
        this.reactions = reactions;
        this.caller = caller;
    }

    @PUT
    @Path("/posts/{id}/reactions")
    @Operation(operationId = "reactToPost", summary = "React to a post",
            description = "Sets your reaction to a post you may see; a reaction of another kind replaces yours.")
    @APIResponseSchema(value = ReactionView.class, responseDescription = "Your reaction")
    @APIResponse(responseCode = "403", description = "Your account is not active (account-inactive) or your email is not "
            + "verified (email-unverified)")
    @APIResponse(responseCode = "404", description = HIDDEN)
    @APIResponse(responseCode = "409", description = "A moderator hid or removed the post (post-moderated), or your "
            + "account is not known here yet (author-unknown)")
    public Uni<ReactionView> react(@PathParam("id") UUID id, @Valid @NotNull NewReaction request) {
        return caller.actor().chain(actor -> reactions.react(actor, id, request.type()));
    }

    @DELETE
    @Path("/posts/{id}/reactions")
    @Operation(operationId = "removeReaction", summary = "Take your reaction back",
            description = "Removes your reaction to the post, if you had one.")
    @APIResponse(responseCode = "204", description = "You have no reaction to the post now")
    @APIResponse(responseCode = "404", description = HIDDEN)
    @APIResponse(responseCode = "409", description = "A moderator hid or removed the post (post-moderated)")
    public Uni<Void> remove(@PathParam("id") UUID id) {
        return caller.actor().chain(actor -> reactions.remove(actor, id));
    }
}
