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

/** One challenge over HTTP: read, join, report progress, the leaderboard. Thin: rules live in the services. */
@Path("/api/challenges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Challenges", description = "Challenges inside communities: join, report progress, climb the leaderboard")
public class ChallengeResource {

    private static final String HIDDEN = "No such challenge, or one of a private community you are not a member of";

    private final ChallengeService challenges;
    private final ProgressService progress;
    private final Leaderboard leaderboard;
    private final Caller caller;

    public ChallengeResource(ChallengeService challenges, ProgressService progress, Leaderboard leaderboard, Caller caller) {
        this.challenges = challenges;
        this.progress = progress;
        this.leaderboard = leaderboard;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getChallenge", summary = "One challenge",
            description = "A challenge you may see: a global one always, another if its community is public or you are "
                    + "a member.")
    @APIResponseSchema(value = ChallengeView.class, responseDescription = "The challenge")
    @APIResponse(responseCode = "404", description = HIDDEN)
    public Uni<ChallengeView> get(@PathParam("id") UUID id) {
        return caller.requireUserId().chain(viewer -> challenges.get(viewer, id));
    }

    @POST
    @Path("/{id}/participants")
    @Operation(operationId = "joinChallenge", summary = "Take part in a challenge",
            description = "Joins a challenge that has not ended: a global one as any active user, another as a member "
                    + "of its community. A team challenge is joined into a team, named in the body (found in any case, "
                    + "or founded); one team per participant.")
    @APIResponse(responseCode = "201", description = "Your standing, at zero",
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "400", description = "A team for a challenge without teams, or none for a team challenge")
    @APIResponse(responseCode = "403", description = "Only the community's members join this challenge (members-only), "
            + "or your account is not active")
    @APIResponse(responseCode = "404", description = HIDDEN)
    @APIResponse(responseCode = "409", description = "You take part already (already-participant), the challenge ended "
            + "(challenge-ended), or your account is not known here yet (account-unknown)")
    public Uni<Response> join(@PathParam("id") UUID id, @Valid JoinChallenge request) {
        return caller.requireUserId().chain(user -> challenges.join(user, id, request))
                .map(participant -> Response.status(Response.Status.CREATED).entity(participant).build());
    }

    @POST
    @Path("/{id}/progress")
    @Operation(operationId = "reportProgress", summary = "Report progress",
            description = "Adds an amount to your progress while the challenge is active, never beyond the goal; points "
                    + "are progress × pointsPerUnit, plus the completion bonus at the goal. A report repeated with the "
                    + "same idempotency key counts once and answers what it did the first time.")
    @APIResponseSchema(value = ProgressView.class, responseDescription = "What the report did, and your standing after it")
    @APIResponse(responseCode = "404", description = HIDDEN)
    @APIResponse(responseCode = "409", description = "You do not take part (not-participant), or the challenge is not "
            + "active (challenge-not-active)")
    @APIResponse(responseCode = "422", description = "The key was used for another amount (idempotency-key-reused)")
    public Uni<ProgressView> report(@PathParam("id") UUID id, @Valid @NotNull ProgressRequest request) {
        return caller.requireUserId().chain(user -> progress.report(user, id, request.units(), request.idempotencyKey()));
    }

    @GET
    @Path("/{id}/leaderboard")
    @Operation(operationId = "getLeaderboard", summary = "The leaderboard",
            description = "Participants (teams, in a team challenge) by points, equal points ranked by who reached them "
                    + "first, a page at a time; me is your own place (your team's) wherever it is.")
    @APIResponseSchema(value = LeaderboardView.class, responseDescription = "A page of the leaderboard, and your place")
    @APIResponse(responseCode = "400", description = "A cursor this service did not issue, or a limit outside 1 to 100")
    @APIResponse(responseCode = "404", description = HIDDEN)
    public Uni<LeaderboardView> leaderboard(@PathParam("id") UUID id,
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return caller.requireUserId().chain(viewer -> leaderboard.read(viewer, id, after, limit));
    }
}
