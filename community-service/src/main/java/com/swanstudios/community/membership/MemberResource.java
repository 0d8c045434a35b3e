package com.swanstudios.community.membership;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A community's members over HTTP. Thin: rules live in {@link MembershipService} and {@link CommunityRole}. */
@Path("/api/communities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Members", description = "Joining communities, requests to join, roles, removals and ownership")
public class MemberResource {

    private static final String NO_COMMUNITY = "No such community";
    private static final String RANKS = "Roles, lowest first: member, contributor, moderator, admin, owner. ";

    private final MembershipService members;
    private final Caller caller;

    public MemberResource(MembershipService members, Caller caller) {
        this.members = members;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/members")
    @Operation(operationId = "joinCommunity", summary = "Join a community, or ask to",
            description = "Joins an open community at once (status active); asks to join one whose membership type is "
                    + "approval_required (status pending, until a moderator or above decides). An invite_only community "
                    + "is joined by accepting an invitation. After a refusal you may ask again.")
    @APIResponse(responseCode = "201", description = "Your membership, active or pending",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "403", description = "The community is invite-only (invitation-required), or your "
            + "account is not active (account-inactive)")
    @APIResponse(responseCode = "404", description = NO_COMMUNITY)
    @APIResponse(responseCode = "409", description = "You are a member already (already-member), your request is "
            + "pending already (already-requested), or your account is not known here yet (account-unknown)")
    public Uni<Response> join(@PathParam("id") UUID id) {
        return caller.requireUserId().chain(user -> members.join(user, id))
                .map(member -> Response.status(Response.Status.CREATED).entity(member).build());
    }

    @GET
    @Path("/{id}/members")
    @Operation(operationId = "listMembers", summary = "A community's members",
            description = "Active members, the most recent first, a page at a time; with status=pending or rejected, "
                    + "the requests to join (a moderator or above only). A private community's members are listed to "
                    + "its members only.")
    @APIResponseSchema(value = MemberPage.class, responseDescription = "A page of members")
    @APIResponse(responseCode = "400", description = "A cursor this service did not issue, a limit outside 1 to 100, or "
            + "an unknown status")
    @APIResponse(responseCode = "403", description = "The community is private and you are not a member (members-only), "
            + "or you asked for requests and are not a moderator or above")
    @APIResponse(responseCode = "404", description = NO_COMMUNITY)
    public Uni<MemberPage> list(@PathParam("id") UUID id,
            @Parameter(description = "active (the default), pending or rejected",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"active", "pending", "rejected"}))
            @QueryParam("status") @DefaultValue("active") @Pattern(regexp = "^(active|pending|rejected)$",
                    message = "must be active, pending or rejected") String status,
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return caller.requireUserId().chain(viewer -> members.list(viewer, id, status, after, limit));
    }

    @PUT
    @Path("/{id}/members/{userId}")
    @Operation(operationId = "changeMember", summary = "Change a member's role, or decide a request",
            description = RANKS + "With role: someone ranked strictly above the member gives them a role strictly below "
                    + "their own (ownership is handed over with PUT .../owner). With status: a moderator or above "
                    + "accepts (active) or refuses (rejected) a pending request.")
    @APIResponseSchema(value = MemberView.class, responseDescription = "The member after the change")
    @APIResponse(responseCode = "400", description = "Neither or both of role and status, or a value outside their lists")
    @APIResponse(responseCode = "403", description = "Your role does not allow this change, or your account is not "
            + "active (account-inactive)")
    @APIResponse(responseCode = "404", description = "No such community, or no such member or request in it")
    @APIResponse(responseCode = "409", description = "A decision on what is not a pending request (not-pending), a "
            + "role for one who is not an active member (not-a-member), or your account is not known here yet "
            + "(account-unknown)")
    public Uni<MemberView> change(@PathParam("id") UUID id, @PathParam("userId") UUID userId,
            @Valid @NotNull MemberChange change) {
        return caller.requireUserId().chain(actor -> members.change(actor, id, userId, change));
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    @Operation(operationId = "removeMember", summary = "Leave, or remove a member",
            description = RANKS + "Your own id: you leave (or withdraw your request); the owner hands ownership over "
                    + "first. Another's: someone ranked strictly above them removes them; the owner is never removed. A "
                    + "member who goes withdraws their answers to the community's coming events (a confirmed place goes "
                    + "to the first on the waiting list).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Your role is not above theirs, or your account is not active")
    @APIResponse(responseCode = "404", description = "No such community, or no such member or request in it")
    @APIResponse(responseCode = "409", description = "The owner cannot leave or be removed (owner-stays), or your "
            + "account is not known here yet (account-unknown)")
    public Uni<Void> remove(@PathParam("id") UUID id, @PathParam("userId") UUID userId) {
        return caller.requireUserId().chain(actor -> members.remove(actor, id, userId));
    }

    @PUT
    @Path("/{id}/owner")
    @Operation(operationId = "transferOwnership", summary = "Hand ownership over",
            description = "The owner makes an active member the owner and becomes an admin, in one step.")
    @APIResponseSchema(value = MemberView.class, responseDescription = "The new owner")
    @APIResponse(responseCode = "400", description = "The new owner is you, or the body breaks the schema")
    @APIResponse(responseCode = "403", description = "Only the owner hands ownership over")
    @APIResponse(responseCode = "404", description = "No such community, or the user is not in it")
    @APIResponse(responseCode = "409", description = "The user is not an active member (not-a-member), or your account "
            + "is not known here yet (account-unknown)")
    public Uni<MemberView> transfer(@PathParam("id") UUID id, @Valid @NotNull OwnershipTransfer transfer) {
        return caller.requireUserId().chain(actor -> members.transferOwnership(actor, id, transfer.userId()));
    }
}
