package com.swanstudios.community.community;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Communities over HTTP. Thin: rules live in {@link CommunityService} and {@link CommunityRules}. */
@Path("/api/communities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Communities", description = "Fitness communities by category: find, create and run them")
public class CommunityResource {

    private static final String SEEN_BY_ALL = " Every signed-in user sees a community's details, a private one's too; "
            + "what happens inside a private community is for its members.";

    private final CommunityService communities;
    private final Caller caller;

    public CommunityResource(CommunityService communities, Caller caller) {
        this.communities = communities;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createCommunity", summary = "Create a community",
            description = "Creates a community with you as its owner and first member. Only an active account with a "
                    + "verified email creates one; names are unique whatever the case.")
    @APIResponse(responseCode = "201", description = "The community as created",
            content = @Content(schema = @Schema(implementation = CommunityView.class)))
    @APIResponse(responseCode = "403", description = "Your account is not active (account-inactive) or your email is not "
            + "verified (email-unverified)")
    @APIResponse(responseCode = "409", description = "The name is taken (community-name-taken), or your account is not "
            + "known here yet (account-unknown): try again in a moment")
    public Uni<Response> create(@Valid @NotNull NewCommunity request) {
        return caller.requireUserId().chain(creator -> communities.create(creator, request))
                .map(community -> Response.status(Response.Status.CREATED).entity(community).build());
    }

    @GET
    @Operation(operationId = "listCommunities", summary = "Browse and search communities",
            description = "Communities newest first, a page at a time, of one category and with a name containing q "
                    + "(any case) when given." + SEEN_BY_ALL)
    @APIResponseSchema(value = CommunityPage.class, responseDescription = "A page of communities")
    @APIResponse(responseCode = "400", description = "An unknown category, a q longer than 80 characters, a cursor this "
            + "service did not issue, or a limit outside 1 to 100")
    public Uni<CommunityPage> browse(
            @Parameter(description = "Only this category", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "strength", "cardio", "yoga", "nutrition", "weight_loss", "bodybuilding", "running", "general"}))
            @QueryParam("category") @Pattern(regexp = CommunityRules.CATEGORIES, message = "must be one of the categories")
            String category,
            @Parameter(description = "Part of the name, any case") @QueryParam("q")
            @Size(max = CommunityRules.MAX_QUERY) String q,
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return caller.requireUserId().chain(viewer -> communities.browse(viewer, category, q, after, limit));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCommunity", summary = "One community",
            description = "A community's details, with your own membership in it if you have one." + SEEN_BY_ALL)
    @APIResponseSchema(value = CommunityView.class, responseDescription = "The community")
    @APIResponse(responseCode = "404", description = "No such community")
    public Uni<CommunityView> get(@PathParam("id") UUID id) {
        return caller.requireUserId().chain(viewer -> communities.get(viewer, id));
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateCommunity", summary = "Edit a community",
            description = "Changes a community's name, description, category, privacy or membership type: its admins "
                    + "and its owner, with an active account and a verified email. Pending requests stay pending when "
                    + "the membership type changes.")
    @APIResponseSchema(value = CommunityView.class, responseDescription = "The community after the edit")
    @APIResponse(responseCode = "400", description = "No field to change, or a field breaks the schema")
    @APIResponse(responseCode = "403", description = "You are not an admin or the owner here, or your account may not "
            + "publish (account-inactive, email-unverified)")
    @APIResponse(responseCode = "404", description = "No such community")
    @APIResponse(responseCode = "409", description = "The new name is taken (community-name-taken), or your account is "
            + "not known here yet (account-unknown)")
    public Uni<CommunityView> update(@PathParam("id") UUID id, @Valid @NotNull CommunityChange change) {
        return caller.requireUserId().chain(actor -> communities.update(actor, id, change));
    }
}
