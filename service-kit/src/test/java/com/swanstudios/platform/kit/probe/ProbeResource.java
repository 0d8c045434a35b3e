package com.swanstudios.platform.kit.probe;

import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.outbox.OutboundEvent;
import com.swanstudios.platform.kit.outbox.Outbox;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Map;

/** Writes a note and its event in one transaction: the shape every service's write follows. */
@Path("/probe")
public class ProbeResource {

    public record NoteRequest(@NotBlank @Size(max = 20) String key, @NotBlank String text, @Email String contact) {
    }

    private final Outbox outbox;

    public ProbeResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @POST
    @Path("/notes")
    @WithTransaction
    public Uni<Map<String, Object>> create(@Valid NoteRequest request) {
        ProbeNote note = new ProbeNote();
        note.id = Ids.newId();
        note.key = request.key();
        note.text = request.text();
        return note.<ProbeNote>persist()
                .chain(() -> outbox.stage(new OutboundEvent("probe.v1", "com.swanstudios.probe.note.created", request.key(),
                        Map.of("key", request.key(), "text", request.text()))))
                .invoke(() -> {
                    if (request.text().equals("reject-after-staging")) {
                        throw DomainException.conflict("rejected after the event was staged");
                    }
                })
                .map(staged -> Map.of("id", note.id, "eventId", staged.id));
    }

    /** How Hibernate Reactive reports a lost optimistic-locking race: wrapped, from a flush. */
    @GET
    @Path("/lost-race")
    public Uni<String> lostRace() {
        return Uni.createFrom().failure(new java.util.concurrent.CompletionException(
                new jakarta.persistence.OptimisticLockException("Row was updated or deleted by another transaction")));
    }

    @GET
    @Path("/boom")
    public Uni<String> boom() {
        return Uni.createFrom().failure(new IllegalStateException("secret internal detail"));
    }
}
