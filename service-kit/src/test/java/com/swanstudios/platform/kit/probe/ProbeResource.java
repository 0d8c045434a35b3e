package com.swanstudios.platform.kit.probe;

import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.outbox.OutboundEvent;
import com.swanstudios.platform.kit.outbox.Outbox;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Writes a note and its event in one transaction: the shape every service's write follows. */
@Path("/probe")
public class ProbeResource {

    public static final String TOPIC = "probe.v1";

    public record NoteRequest(@NotBlank @Size(max = 40) String key, @NotBlank String text, @Email String contact) {
    }

    /**
     * An event staged with no row of its aggregate touched, held open {@code holdMillis} before commit, on
     * {@code topic} (default {@value #TOPIC}).
     */
    public record EventRequest(String topic, @NotBlank String key, @NotBlank String text, long version, long holdMillis) {
    }

    private final Outbox outbox;

    public ProbeResource(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Each note of a key is the key's next version. */
    @POST
    @Path("/notes")
    @WithTransaction
    public Uni<Map<String, Object>> create(@Valid NoteRequest request) {
        return ProbeNote.<ProbeNote>count("key", request.key())
                .chain(existing -> {
                    ProbeNote note = new ProbeNote();
                    note.id = Ids.newId();
                    note.key = request.key();
                    note.text = request.text();
                    note.version = existing + 1;
                    return note.<ProbeNote>persist();
                })
                .chain(note -> outbox.stage(new OutboundEvent(TOPIC, "com.swanstudios.probe.note.created", note.key,
                                note.version, body(note.key, note.text, note.version)))
                        .invoke(() -> {
                            if (request.text().equals("reject-after-staging")) {
                                throw DomainException.conflict("rejected after the event was staged");
                            }
                        })
                        .map(staged -> Map.<String, Object>of("id", note.id, "eventId", staged.id, "version", note.version)));
    }

    @POST
    @Path("/events")
    @WithTransaction
    public Uni<Map<String, Object>> stageOnly(@Valid EventRequest request) {
        String topic = request.topic() == null ? TOPIC : request.topic();
        return outbox.stage(new OutboundEvent(topic, "com.swanstudios.probe.note.created", request.key(), request.version(),
                        body(request.key(), request.text(), request.version())))
                // the row is inserted now (its seq assigned), then the transaction stays open a while
                .call(staged -> Panache.getSession().chain(session -> session.flush()))
                .call(staged -> request.holdMillis() <= 0 ? Uni.createFrom().voidItem()
                        : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(request.holdMillis())))
                .map(staged -> Map.of("eventId", staged.id));
    }

    /** The key's erasure: a tombstone one version above its last note. */
    @POST
    @Path("/notes/{key}/erase")
    @WithTransaction
    public Uni<Map<String, Object>> erase(@PathParam("key") String key) {
        return outbox.forget(TOPIC, key)
                .chain(() -> ProbeNote.<ProbeNote>count("key", key))
                .chain(versions -> outbox.stage(OutboundEvent.tombstone(TOPIC, "com.swanstudios.probe.note.erased", key, versions + 1)))
                .map(staged -> Map.of("eventId", staged.id));
    }

    private static Map<String, Object> body(String key, String text, long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("key", key);
        body.put("text", text);
        body.put("version", version);
        return body;
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
