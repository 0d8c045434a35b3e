package com.swanstudios.community.achievement;

import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Achievements over HTTP. Thin: the rules are {@link Achievement}, the awards {@link AchievementService}. */
@Path("/api/achievements")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Achievements", description = "Bronze, silver, gold and platinum achievements, each earned once")
public class AchievementResource {

    private static final String RULES = " Earned once each, when the rule is met: first_community_joined (bronze), "
            + "five_communities (silver: a member of five at once), first_challenge_joined (bronze), "
            + "first_challenge_completed (silver), three_challenges_completed (gold), ten_challenges_completed (platinum).";

    private final AchievementService achievements;
    private final Caller caller;

    public AchievementResource(AchievementService achievements, Caller caller) {
        this.achievements = achievements;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    @Operation(operationId = "getMyAchievements", summary = "Your achievements",
            description = "The achievements you earned, the first earned first." + RULES)
    @APIResponseSchema(value = AchievementView.Page.class, responseDescription = "Your achievements")
    public Uni<AchievementView.Page> mine() {
        return caller.requireUserId().chain(achievements::mine);
    }

    @GET
    @Path("/users/{id}")
    @Operation(operationId = "getUserAchievements", summary = "A user's achievements",
            description = "The achievements a user earned, the first earned first; seen by every signed-in user." + RULES)
    @APIResponseSchema(value = AchievementView.Page.class, responseDescription = "The user's achievements")
    @APIResponse(responseCode = "404", description = "No such user known here, or one whose account was deleted")
    public Uni<AchievementView.Page> of(@PathParam("id") UUID id) {
        return caller.requireUserId().chain(viewer -> achievements.of(id));
    }
}
