package com.swanstudios.social.engagement;

import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Views and engagement over HTTP. Thin: the rules are {@link EngagementService}'s. */
@Path("/api/social")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Engagement", description = "Views of posts, and what a post drew: reactions, comments, shares, views")
public class EngagementResource {

    private static final String HIDDEN = "No such post, or none you may see";

    private final EngagementService engagement;
    private final Caller caller;

    public EngagementResource(EngagementService engagement, Caller caller) {
        this.engagement = engagement;
        this.caller = caller;
    }

    @POST
    @Path("/posts/{id}/views")
    @Operation(operationId = "viewPost", summary = "Say you saw a post",
            description = "Counts you among the post's viewers: once per member and post, whatever the number of calls; "
                    + "the author's own views are not counted.")
    @APIResponse(responseCode = "204", description = "Counted (or counted already)")
    @APIResponse(responseCode = "404", description = HIDDEN)
    public Uni<Void> viewed(@PathParam("id") UUID id) {
        return caller.actor().chain(actor -> engagement.viewed(actor, id));
    }

    @GET
    @Path("/posts/{id}/engagement")
    @Operation(operationId = "getPostEngagement", summary = "What a post drew",
            description = "Its reactions by kind, comments, shares and views, kept exact as they happen; for the post's "
                    + "author and admins.")
    @APIResponseSchema(value = Engagement.class, responseDescription = "The post's engagement")
    @APIResponse(responseCode = "403", description = "You may see the post but did not write it")
    @APIResponse(responseCode = "404", description = HIDDEN)
    public Uni<Engagement> of(@PathParam("id") UUID id) {
        return caller.actor().chain(actor -> engagement.of(actor, id));
    }
}
