package com.swanstudios.community.challenge;

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

/** A community's challenges over HTTP. Thin: rules live in {@link ChallengeService} and {@link ChallengeRules}. */
@Path("/api/communities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Challenges", description = "Challenges inside communities: join, report progress, climb the leaderboard")
public class CommunityChallengeResource {

    private final ChallengeService challenges;
    private final Caller caller;

    public CommunityChallengeResource(ChallengeService challenges, Caller caller) {
        this.challenges = challenges;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/challenges")
    @Operation(operationId = "createChallenge", summary = "Create a challenge",
            description = "A member of the community whose platform role is trainer or admin (with a verified email) "
                    + "creates an individual, team or global challenge: a goal in a unit, points per unit and a bonus "
                    + "for reaching the goal, between two dates. Its status follows the dates.")
    @APIResponse(responseCode = "201", description = "The challenge as created",
            content = @Content(schema = @Schema(implementation = ChallengeView.class)))
    @APIResponse(responseCode = "400", description = "The body breaks the schema, or the dates are out of order, more "
            + "than 366 days apart or already over")
    @APIResponse(responseCode = "403", description = "You are not a trainer or admin, not a member here, or your account "
            + "may not publish (account-inactive, email-unverified)")
    @APIResponse(responseCode = "404", description = "No such community")
    @APIResponse(responseCode = "409", description = "Your account is not known here yet (account-unknown)")
    public Uni<Response> create(@PathParam("id") UUID id, @Valid @NotNull NewChallenge request) {
        return caller.requireUserId().chain(creator -> challenges.create(creator, id, request))
                .map(challenge -> Response.status(Response.Status.CREATED).entity(challenge).build());
    }

    @GET
    @Path("/{id}/challenges")
    @Operation(operationId = "listChallenges", summary = "A community's challenges",
            description = "Newest first, a page at a time. In a private community, its members see them all and "
                    + "everyone else its global ones.")
    @APIResponseSchema(value = ChallengeView.Page.class, responseDescription = "A page of challenges")
    @APIResponse(responseCode = "400", description = "A cursor this service did not issue, or a limit outside 1 to 100")
    @APIResponse(responseCode = "404", description = "No such community")
    public Uni<ChallengeView.Page> list(@PathParam("id") UUID id,
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return caller.requireUserId().chain(viewer -> challenges.list(viewer, id, after, limit));
    }
}
