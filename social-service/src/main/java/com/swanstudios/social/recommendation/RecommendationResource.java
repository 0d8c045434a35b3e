package com.swanstudios.social.recommendation;

import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Recommendations over HTTP. Thin: who is recommended, and in which order, is {@link RecommendationService}'s. */
@Path("/api/social/connections/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Connections", description = "Follows, friendships and trainer–client links between members, and blocks")
public class RecommendationResource {

    private final RecommendationService recommendations;
    private final Caller caller;

    public RecommendationResource(RecommendationService recommendations, Caller caller) {
        this.recommendations = recommendations;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listConnectionRecommendations", summary = "Members you might connect with",
            description = "Up to limit members, best match first, ranked by your interaction score with them (reactions, "
                    + "comments, shares and mentions between you, decaying with time), the hashtags, workout types and "
                    + "communities you share, and how many of the people you follow follow them; trainers too if you are "
                    + "not one. Never yourself, anyone you have a connection with (of any status, blocks included), "
                    + "inactive accounts or members who opted out of discovery. Not paged: ask again for the current best.")
    @APIResponseSchema(value = RecommendationList.class, responseDescription = "The best matches, best first")
    @APIResponse(responseCode = "400", description = "A limit outside 1 to 50")
    public Uni<RecommendationList> recommendations(@QueryParam("limit") @DefaultValue("20") @Min(1)
            @Max(RecommendationService.MAX_LIMIT) int limit) {
        return caller.requireUserId().chain(member -> recommendations.forMember(member, limit));
    }
}
