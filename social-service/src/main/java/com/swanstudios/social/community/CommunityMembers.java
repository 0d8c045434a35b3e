package com.swanstudios.social.community;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.events.EventEnvelope;
import com.swanstudios.platform.kit.events.PoisonMessageException;
import com.swanstudios.platform.kit.inbox.ChannelConsumer;
import com.swanstudios.platform.kit.inbox.IdempotentConsumer;
import com.swanstudios.platform.kit.inbox.IncomingEvent;
import com.swanstudios.platform.kit.persistence.NativeRows;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Who belongs to which community (community_member, V12), projected from {@code community.activity.v1} as
 * community-service publishes it: CloudEvents in Kafka headers, key = the member's user id (so one user's events
 * arrive in order), {@value #JOINED} and {@value #LEFT} with {@code {userId, communityId, occurredAt, role?}}.
 * Recommendations count the communities two users share.
 * <ul>
 * <li>Each event applies once (the kit's inbox, by ce_id), and never over a later one: a membership keeps the
 * occurredAt of the last event applied, and an older one (a replay, a dead letter handed back) changes nothing, so a
 * member who left stays gone.</li>
 * <li>The topic's other events (achievements, challenges, community events) are acknowledged and ignored, without a
 * transaction.</li>
 * <li>A record that can never apply (not JSON, a field missing or malformed, a body about another user than its key)
 * is poison: dead-lettered at once, and the partition moves on. Anything else (the database away, say) is retried
 * without limit while the partition waits.</li>
 * <li>Nothing is kept for a user whose account was deleted (AccountRemoval erased their memberships).</li>
 * </ul>
 */
@ApplicationScoped
public class CommunityMembers implements ChannelConsumer {

    public static final String CHANNEL = "community-activity";
    static final String JOINED = "com.swanstudios.community.member.joined";
    static final String LEFT = "com.swanstudios.community.member.left";
    private static final Set<String> APPLIED = Set.of(JOINED, LEFT);
    private static final int MAX_ROLE = 32;
    private static final Logger LOG = Logger.getLogger(CommunityMembers.class);

    private static final String JOIN = """
            insert into community_member (user_id, community_id, role, joined_at, left_at, changed_at)
            select $1::uuid, $2::uuid, $3::varchar, $4::timestamptz, null, $4::timestamptz
            where not exists (select 1 from known_user where id = $1 and status = 'deleted')
            on conflict (user_id, community_id) do update
                set role = excluded.role, joined_at = excluded.joined_at, left_at = null, changed_at = excluded.changed_at
                where community_member.changed_at <= excluded.changed_at
            returning user_id""";
    private static final String LEAVE = """
            insert into community_member (user_id, community_id, role, joined_at, left_at, changed_at)
            select $1::uuid, $2::uuid, null, null, $3::timestamptz, $3::timestamptz
            where not exists (select 1 from known_user where id = $1 and status = 'deleted')
            on conflict (user_id, community_id) do update set left_at = excluded.left_at, changed_at = excluded.changed_at
                where community_member.changed_at <= excluded.changed_at
            returning user_id""";

    private final IdempotentConsumer inbox;
    private final ObjectMapper json;

    public CommunityMembers(IdempotentConsumer inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(EventEnvelope.CE_TYPE);
        if (type != null && !APPLIED.contains(new String(type.value(), StandardCharsets.UTF_8))) {
            return Uni.createFrom().voidItem();
        }
        return inbox.consumeOnce(CHANNEL, record, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (!APPLIED.contains(event.envelope().type())) {
            return Uni.createFrom().voidItem();
        }
        Membership change = Membership.parse(json, event);
        Uni<java.util.List<Object[]>> applied = JOINED.equals(event.envelope().type())
                ? NativeRows.list(JOIN, change.userId(), change.communityId(), change.role(), change.occurredAt())
                : NativeRows.list(LEAVE, change.userId(), change.communityId(), change.occurredAt());
        return applied.invoke(rows -> {
            if (rows.isEmpty()) {
                LOG.debugf("%s about %s in %s at %s changed nothing (a later change is kept, or the user was deleted)",
                        event.envelope().type(), change.userId(), change.communityId(), change.occurredAt());
            }
        }).replaceWithVoid();
    }

    /** A joined or left event's body, as the contract says; anything else is poison. */
    record Membership(UUID userId, UUID communityId, String role, OffsetDateTime occurredAt) {

        static Membership parse(ObjectMapper json, IncomingEvent event) {
            if (event.tombstone()) {
                throw new PoisonMessageException(event.envelope().type() + " without a body");
            }
            JsonNode body;
            try {
                body = json.readTree(event.payload());
            } catch (IOException e) {
                throw new PoisonMessageException("the body is not JSON", e);
            }
            if (body == null || !body.isObject()) {
                throw new PoisonMessageException("the body is not a JSON object");
            }
            UUID user = uuid(body, "userId");
            String key = event.envelope().subject() != null ? event.envelope().subject() : event.key();
            if (key != null && !key.equals(user.toString())) {
                throw new PoisonMessageException("the body's userId " + user + " is not the record's key " + key);
            }
            JsonNode role = body.path("role");
            if (!role.isMissingNode() && !role.isNull() && (!role.isTextual() || role.asText().length() > MAX_ROLE)) {
                throw new PoisonMessageException("role is not a string of at most " + MAX_ROLE + " characters");
            }
            return new Membership(user, uuid(body, "communityId"), role.isTextual() ? role.asText() : null,
                    time(body, "occurredAt"));
        }

        private static UUID uuid(JsonNode body, String field) {
            JsonNode value = body.path(field);
            if (!value.isTextual()) {
                throw new PoisonMessageException(field + " is missing or not a string");
            }
            try {
                return UUID.fromString(value.asText());
            } catch (IllegalArgumentException e) {
                throw new PoisonMessageException(field + " is not a UUID: " + value.asText(), e);
            }
        }

        private static OffsetDateTime time(JsonNode body, String field) {
            JsonNode value = body.path(field);
            if (!value.isTextual()) {
                throw new PoisonMessageException(field + " is missing or not a string");
            }
            try {
                return OffsetDateTime.parse(value.asText());
            } catch (DateTimeParseException e) {
                throw new PoisonMessageException(field + " is not an RFC 3339 timestamp: " + value.asText(), e);
            }
        }
    }
}
