package com.swanstudios.platform.kit.admin;

import com.swanstudios.platform.kit.inbox.DeadLetterReplay;
import com.swanstudios.platform.kit.openapi.Audience;
import com.swanstudios.platform.kit.outbox.OutboxRelay;
import com.swanstudios.platform.kit.outbox.ParkedRows;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Operators' levers on every service's event plumbing. Internal: the gateway routes only {@code /api/...},
 * so these are reached on the service itself (port-forward) with an admin's access token.
 */
@Path("/admin/events")
@RolesAllowed(Caller.ADMIN)
@Tag(name = "events-admin", description = "Internal: parked outbox rows and dead-letter replay (admin only)")
public class EventsAdminResource {

    /** The body of a requeue: the rows to requeue, or none for all parked rows. */
    public record RequeueRequest(List<UUID> ids) {
    }

    public record RequeueResult(long requeued) {
    }

    private static final Logger LOG = Logger.getLogger(EventsAdminResource.class);

    private final ParkedRows parked;
    private final OutboxRelay relay;
    private final DeadLetterReplay replay;
    private final Caller caller;

    public EventsAdminResource(ParkedRows parked, OutboxRelay relay, DeadLetterReplay replay, Caller caller) {
        this.parked = parked;
        this.relay = relay;
        this.replay = replay;
        this.caller = caller;
    }

    @GET
    @Path("/outbox/parked")
    @Operation(operationId = "listParkedOutboxRows",
            extensions = @Extension(name = Audience.EXTENSION, value = Audience.INTERNAL),
            summary = "Parked outbox rows (internal, admin)",
            description = "Outbox rows parked after failing too often, oldest first. Internal: not routed by the edge.")
    public Uni<List<ParkedRows.ParkedRow>> listParked(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return parked.list(limit);
    }

    @POST
    @Path("/outbox/parked/requeue")
    @Operation(operationId = "requeueParkedOutboxRows",
            extensions = @Extension(name = Audience.EXTENSION, value = Audience.INTERNAL),
            summary = "Requeue parked outbox rows (internal, admin)",
            description = "Gives parked rows (all, or those named) a fresh set of attempts; the relay publishes them in "
                    + "order. Internal: not routed by the edge.")
    public Uni<RequeueResult> requeue(RequeueRequest request) {
        List<UUID> ids = request == null || request.ids() == null ? List.of() : request.ids();
        return audit("requeues " + (ids.isEmpty() ? "every parked outbox row" : "parked outbox rows " + ids))
                .chain(() -> parked.requeue(ids)).invoke(n -> relay.wake()).map(RequeueResult::new);
    }

    @POST
    @Path("/dead-letters/{channel}/replay")
    @Operation(operationId = "replayDeadLetters",
            extensions = @Extension(name = Audience.EXTENSION, value = Audience.INTERNAL),
            summary = "Replay a channel's dead letters (internal, admin)",
            description = "Hands the channel's dead letters back to this consumer (never to the source topic). "
                    + "Internal: not routed by the edge.")
    public Uni<DeadLetterReplay.Report> replay(@PathParam("channel") String channel,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(100000) int limit,
            @QueryParam("unattributed") @DefaultValue("false") boolean unattributed) {
        var consumer = replay.consumer(channel).orElseThrow(() -> DomainException.notFound("Consumer channel '" + channel + "'"));
        return audit("replays the dead letters of channel " + channel)
                .chain(() -> Uni.createFrom().item(() -> replay.replay(consumer, limit, unattributed))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** Who pulled which lever, in the log. */
    private Uni<Void> audit(String action) {
        return caller.userId().invoke(id -> LOG.infof("Admin %s %s", id.map(UUID::toString).orElse("(unknown)"), action))
                .replaceWithVoid();
    }
}
