package com.swanstudios.community.membership;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.security.Caller;
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
import jakarta.ws.rs.PUT;
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

/** Invitations over HTTP. Thin: rules live in {@link InvitationService} and {@link CommunityRole}. */
@Path("/api/communities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Invitations", description = "Moderators invite users into a community; the invitee accepts or declines")
public class InvitationResource {

    private final InvitationService invitations;
    private final Caller caller;

    public InvitationResource(InvitationService invitations, Caller caller) {
        this.invitations = invitations;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/invitations")
    @Operation(operationId = "inviteMember", summary = "Invite a user",
            description = "A moderator or above invites a user who is not a member. Accepting makes them a member "
                    + "whatever the community's membership type; an invite_only community is joined no other way.")
    @APIResponse(responseCode = "201", description = "The invitation, pending",
            content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "403", description = "You are not a moderator or above here, or your account is not active")
    @APIResponse(responseCode = "404", description = "No such community, or no such user known here")
    @APIResponse(responseCode = "409", description = "The user is a member already (already-member), has an open "
            + "invitation (already-invited) or is not active (invitee-inactive), or your account is not known here yet "
            + "(account-unknown)")
    public Uni<Response> invite(@PathParam("id") UUID id, @Valid @NotNull NewInvitation request) {
        return caller.requireUserId().chain(actor -> invitations.invite(actor, id, request.userId()))
                .map(invitation -> Response.status(Response.Status.CREATED).entity(invitation).build());
    }

    @PUT
    @Path("/{id}/invitations/{invitationId}")
    @Operation(operationId = "answerInvitation", summary = "Accept or decline an invitation",
            description = "The invitee alone answers; accepting makes them an active member.")
    @APIResponseSchema(value = InvitationView.class, responseDescription = "The invitation, answered")
    @APIResponse(responseCode = "403", description = "Your account is not active (account-inactive)")
    @APIResponse(responseCode = "404", description = "No such community, or no invitation of yours in it")
    @APIResponse(responseCode = "409", description = "The invitation was answered already (invitation-answered), or "
            + "your account is not known here yet (account-unknown)")
    public Uni<InvitationView> answer(@PathParam("id") UUID id, @PathParam("invitationId") UUID invitationId,
            @Valid @NotNull InvitationAnswer answer) {
        return caller.requireUserId().chain(user -> invitations.answer(user, id, invitationId, answer.accepts()));
    }

    @GET
    @Path("/invitations")
    @Operation(operationId = "listMyInvitations", summary = "Your open invitations",
            description = "The invitations waiting for your answer, the most recent first, a page at a time.")
    @APIResponseSchema(value = InvitationView.Page.class, responseDescription = "A page of invitations")
    @APIResponse(responseCode = "400", description = "A cursor this service did not issue, or a limit outside 1 to 100")
    public Uni<InvitationView.Page> mine(
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return caller.requireUserId().chain(user -> invitations.mine(user, after, limit));
    }
}
