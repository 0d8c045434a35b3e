package com.swanstudios.social.connection;

import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.problem.DatabaseErrors;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.social.feed.FeedEntries;
import com.swanstudios.social.user.KnownUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Connections' transactions. Every change to a pair's connections first takes a transaction-scoped advisory lock on
 * the pair, so a block and a new request between the same two users cannot interleave (a block could otherwise miss
 * a request committed beside it); the unique indexes of V4 stay the last guard against a duplicate, answered 409.
 * Each change also rebuilds the pair's home-feed entries ({@link FeedEntries#pairChanged}) in the same transaction.
 */
@ApplicationScoped
public class ConnectionService {

    private static final Set<String> ONE_PER_PAIR = Set.of("connection_one_follow", "connection_one_per_pair");
    private static final String LOCK_PAIR = "select pg_advisory_xact_lock(hashtextextended($1, 0))";
    private static final String SAME_PAIR = """
            select id, status from connection
            where type = $3 and (requester_id = $1 and target_id = $2 or type <> 'follow' and requester_id = $2 and target_id = $1)""";
    private static final String SIDES = "select requester_id, target_id from connection where id = $1";
    private static final String PAIR_BLOCKED = """
            select count(*) from connection
            where status = 'blocked' and (requester_id = $1 and target_id = $2 or requester_id = $2 and target_id = $1)""";
    private static final String DROP_REST_OF_PAIR = """
            delete from connection where id <> ?3 and (requester_id = ?1 and target_id = ?2 or requester_id = ?2 and target_id = ?1)""";
    /** Users on the other side of accepted follows, newest connection first; ?side names which side the listed user is. */
    private static final String PEOPLE = """
            select c.id, u.id, u.username, u.display_name, u.avatar_url, c.created_at
            from connection c join known_user u on u.id = c.%s
            where c.%s = $1 and c.type = 'follow' and c.status = 'accepted' and ($2::uuid is null or c.id < $2)
            order by c.id desc limit $3""";

    public Uni<ConnectionView> create(UUID requesterId, NewConnection request) {
        ConnectionRules.requireNotSelf(requesterId, request.targetUserId());
        return Panache.withTransaction(() -> lockPair(requesterId, request.targetUserId())
                        .chain(() -> KnownUser.<KnownUser>findById(requesterId))
                        .invoke(requester -> ConnectionRules.requireMayConnect(requester, requesterId))
                        .chain(requester -> KnownUser.<KnownUser>findById(request.targetUserId()).chain(target -> {
                            ConnectionRules.requireConnectable(target, request.targetUserId());
                            if (Connection.TRAINER_CLIENT.equals(request.type())) {
                                ConnectionRules.requireTrainerAndClient(requester, target);
                            }
                            return requireNotBlocked(requesterId, target.id)
                                    .chain(() -> requireNoneYet(requesterId, target.id, request.type()))
                                    .chain(() -> insert(requesterId, target, request.type()));
                        })))
                .onFailure(e -> DatabaseErrors.constraint(e).map(ONE_PER_PAIR::contains).orElse(false))
                .transform(e -> exists(null, request.type()));
    }

    /** The target's answer, or a block by either side (which ends the pair's other connections). */
    public Uni<ConnectionView> answer(UUID actor, UUID id, String status) {
        // the pair's lock before the row's, as everywhere (read without loading the entity, which is loaded locked after)
        return Panache.withTransaction(() -> NativeRows.list(SIDES, id)
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().voidItem() : lockPair((UUID) rows.get(0)[0], (UUID) rows.get(0)[1]))
                .chain(() -> involving(actor, id, LockModeType.PESSIMISTIC_WRITE))
                .chain(connection -> {
                    ConnectionRules.requireMayAnswer(connection, actor, status);
                    Uni<Integer> rest = Uni.createFrom().item(0);
                    if (Connection.BLOCKED.equals(status)) {
                        connection.blockedBy = actor;
                        rest = Panache.getSession().chain(session -> session.createNativeQuery(DROP_REST_OF_PAIR)
                                .setParameter(1, connection.requesterId).setParameter(2, connection.targetId)
                                .setParameter(3, connection.id).executeUpdate());
                    }
                    connection.status = status;
                    connection.updatedAt = now();
                    return rest.chain(() -> Panache.getSession().chain(session -> session.flush()))
                            .chain(() -> FeedEntries.pairChanged(connection.requesterId, connection.targetId))
                            .replaceWith(() -> ConnectionView.of(connection));
                }));
    }

    /** Either side ends a connection (a block only whoever set it); an admin any. */
    public Uni<Void> delete(Actor actor, UUID id) {
        return Panache.withTransaction(() -> Connection.<Connection>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .chain(connection -> {
                    if (connection == null || !(actor.admin() || connection.involves(actor.id()))) {
                        throw DomainException.notFound("Connection " + id);
                    }
                    if (!actor.admin()) {
                        ConnectionRules.requireMayDelete(connection, actor.id());
                    }
                    return connection.delete().chain(() -> Panache.getSession().chain(session -> session.flush()))
                            .chain(() -> FeedEntries.pairChanged(connection.requesterId, connection.targetId));
                }));
    }

    /** Who follows the user (accepted follows of them). */
    @WithSession
    public Uni<UserPage> followers(Actor viewer, UUID user, UUID after, int limit) {
        return people(viewer, user, "requester_id", "target_id", after, limit);
    }

    /** Whom the user follows (their accepted follows). */
    @WithSession
    public Uni<UserPage> following(Actor viewer, UUID user, UUID after, int limit) {
        return people(viewer, user, "target_id", "requester_id", after, limit);
    }

    private Uni<UserPage> people(Actor viewer, UUID user, String listed, String side, UUID after, int limit) {
        return KnownUser.<KnownUser>findById(user)
                .chain(known -> visibleUser(viewer, user, known)
                        .invoke(relation -> ConnectionRules.requireMaySeeConnections(viewer, known, relation)))
                .chain(() -> NativeRows.list(PEOPLE.formatted(listed, side), user, after, limit + 1))
                .map(rows -> {
                    IdCursor.Slice<Object[]> page = IdCursor.slice(rows, limit, row -> (UUID) row[0]);
                    List<UserPage.UserSummary> items = new ArrayList<>();
                    for (Object[] row : page.items()) {
                        items.add(new UserPage.UserSummary((UUID) row[1], (String) row[2], (String) row[3], (String) row[4],
                                offsetTime(row[5])));
                    }
                    return new UserPage(items, page.nextCursor());
                });
    }

    /**
     * A user is there for the viewer if known here and not blocked either way (admins see past blocks); how the
     * viewer stands to them (none for an admin or the user themselves).
     */
    private static Uni<Relation> visibleUser(Actor viewer, UUID user, KnownUser known) {
        if (known == null) {
            return Uni.createFrom().failure(DomainException.notFound("User " + user));
        }
        if (viewer.admin() || viewer.id().equals(user)) {
            return Uni.createFrom().item(Relation.NONE);
        }
        return Relations.between(viewer.id(), user).invoke(relation -> {
            if (relation.blocked()) {
                throw DomainException.notFound("User " + user);
            }
        });
    }

    private static Uni<Void> lockPair(UUID a, UUID b) {
        String pair = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
        return NativeRows.list(LOCK_PAIR, pair).replaceWithVoid();
    }

    /** While a block stands between the two, neither sees the other: 404, as for a user unknown here. */
    private static Uni<Void> requireNotBlocked(UUID requester, UUID target) {
        return NativeRows.<Long>value(PAIR_BLOCKED, requester, target).invoke(blocks -> {
            if (blocks > 0) {
                throw DomainException.notFound("User " + target);
            }
        }).replaceWithVoid();
    }

    private static Uni<Void> requireNoneYet(UUID requester, UUID target, String type) {
        return NativeRows.list(SAME_PAIR, requester, target, type).invoke(rows -> {
            if (!rows.isEmpty()) {
                throw exists((UUID) rows.get(0)[0], type);
            }
        }).replaceWithVoid();
    }

    private static Uni<ConnectionView> insert(UUID requesterId, KnownUser target, String type) {
        Connection connection = new Connection();
        connection.id = Ids.newId();
        connection.requesterId = requesterId;
        connection.targetId = target.id;
        connection.type = type;
        connection.status = ConnectionRules.initialStatus(type, target);
        connection.createdAt = now();
        connection.updatedAt = connection.createdAt;
        return connection.persist().call(() -> Panache.getSession().chain(session -> session.flush()))
                .call(() -> Connection.ACCEPTED.equals(connection.status)
                        ? FeedEntries.pairChanged(requesterId, target.id) : Uni.createFrom().voidItem())
                .replaceWith(() -> ConnectionView.of(connection));
    }

    /** The connection, to one of its two sides; 404 to anyone else. */
    private static Uni<Connection> involving(UUID actor, UUID id, LockModeType lock) {
        return Connection.<Connection>findById(id, lock).invoke(connection -> {
            if (connection == null || !connection.involves(actor)) {
                throw DomainException.notFound("Connection " + id);
            }
        });
    }

    private static DomainException exists(UUID id, String type) {
        return new DomainException(409, "connection-exists", "Conflict", "A " + type + " connection between you two "
                + "already exists" + (id == null ? "" : " (" + id + ")") + ": answer, or delete it and ask again");
    }

    private static OffsetDateTime offsetTime(Object value) {
        return value instanceof OffsetDateTime time ? time
                : value instanceof java.time.LocalDateTime local ? local.atOffset(ZoneOffset.UTC) : null;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
