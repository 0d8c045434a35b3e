package com.swanstudios.community.community;

import com.swanstudios.community.membership.CommunityRole;
import com.swanstudios.community.membership.MemberEvents;
import com.swanstudios.community.membership.Members;
import com.swanstudios.community.membership.Membership;
import com.swanstudios.community.user.KnownUser;
import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.problem.DatabaseErrors;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Communities' transactions: create (the creator becomes the owner), read, browse and search, edit. Who may edit is
 * {@link CommunityRole}; who sees what is {@link CommunityRules}.
 */
@ApplicationScoped
public class CommunityService {

    private static final String NAME_KEY = "community_name_key";

    private final MemberEvents events;

    public CommunityService(MemberEvents events) {
        this.events = events;
    }

    @WithTransaction
    public Uni<CommunityView> create(UUID creatorId, NewCommunity request) {
        String name = request.name().strip();
        return KnownUser.<KnownUser>findById(creatorId)
                .invoke(creator -> KnownUser.requireMayPublish(creator, creatorId))
                .chain(() -> requireNameFree(name, null))
                .chain(() -> {
                    Community community = new Community();
                    community.id = Ids.newId();
                    community.name = name;
                    community.description = request.description() == null ? "" : request.description();
                    community.category = request.category();
                    community.privacy = request.privacy();
                    community.membershipType = request.membershipType();
                    community.createdAt = Members.now();
                    community.updatedAt = community.createdAt;
                    Membership owner = Members.newRow(community.id, creatorId, CommunityRole.OWNER, Membership.PENDING);
                    Members.activate(community, owner);
                    return community.persist().chain(owner::persist)
                            .call(() -> Panache.getSession().chain(session -> session.flush()))
                            .call(() -> events.joined(owner))
                            .map(saved -> CommunityView.of(community, creatorId, owner));
                })
                .onFailure(CommunityService::nameKeyViolated).transform(e -> CommunityRules.nameTaken(name));
    }

    @WithSession
    public Uni<CommunityView> get(UUID viewer, UUID id) {
        return Community.<Community>findById(id)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Community " + id))
                .chain(community -> views(List.of(community), viewer)).map(views -> views.get(0));
    }

    /** Communities newest first, of a category and with a name containing {@code query} (any case) if given. */
    @WithSession
    public Uni<CommunityPage> browse(UUID viewer, String category, String query, UUID after, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (category != null) {
            parameters.add(category);
            where.add("category = ?" + parameters.size());
        }
        if (query != null && !query.isBlank()) {
            parameters.add("%" + likeEscaped(query.strip().toLowerCase(Locale.ROOT)) + "%");
            where.add("lower(name) like ?" + parameters.size() + " escape '!'");
        }
        if (after != null) {
            parameters.add(after);
            where.add("id < ?" + parameters.size());
        }
        String hql = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        return Community.<Community>find(hql, parameters.toArray()).page(0, limit + 1).list().chain(found -> {
            IdCursor.Slice<Community> page = IdCursor.slice(found, limit, c -> c.id);
            return views(page.items(), viewer).map(items -> new CommunityPage(items, page.nextCursor()));
        });
    }

    /** An admin or the owner of the community edits it, if their account may publish. */
    @WithTransaction
    public Uni<CommunityView> update(UUID actorId, UUID id, CommunityChange change) {
        if (change.isEmpty()) {
            return Uni.createFrom().failure(DomainException.invalidField("request", "names no field to change"));
        }
        String name = change.name() == null ? null : change.name().strip();
        return Members.lockCommunity(id).chain(community -> KnownUser.<KnownUser>findById(actorId)
                .invoke(actor -> KnownUser.requireMayPublish(actor, actorId))
                .chain(() -> Members.of(id, actorId))
                .invoke(mine -> CommunityRole.requireMayEditCommunity(mine == null ? null : mine.activeRole()))
                .call(() -> name == null ? Uni.createFrom().voidItem() : requireNameFree(name, id))
                .invoke(() -> {
                    if (name != null) {
                        community.name = name;
                    }
                    if (change.description() != null) {
                        community.description = change.description();
                    }
                    if (change.category() != null) {
                        community.category = change.category();
                    }
                    if (change.privacy() != null) {
                        community.privacy = change.privacy();
                    }
                    if (change.membershipType() != null) {
                        community.membershipType = change.membershipType();
                    }
                    community.updatedAt = Members.now();
                })
                .call(() -> Panache.getSession().chain(session -> session.flush()))
                .chain(() -> views(List.of(community), actorId)).map(views -> views.get(0)))
                .onFailure(CommunityService::nameKeyViolated).transform(e -> CommunityRules.nameTaken(name));
    }

    /** Each community with its owner and the viewer's own row, in one look-up for the lot. */
    private static Uni<List<CommunityView>> views(List<Community> communities, UUID viewer) {
        if (communities.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = communities.stream().map(c -> c.id).toList();
        return Membership.<Membership>find("communityId in ?1 and (userId = ?2 or role = ?3)", ids, viewer,
                CommunityRole.OWNER.value()).list().map(rows -> {
                    Map<UUID, UUID> owners = new HashMap<>();
                    Map<UUID, Membership> mine = new HashMap<>();
                    for (Membership m : rows) {
                        if (CommunityRole.OWNER.value().equals(m.role)) {
                            owners.put(m.communityId, m.userId);
                        }
                        if (m.userId.equals(viewer)) {
                            mine.put(m.communityId, m);
                        }
                    }
                    return communities.stream().map(c -> CommunityView.of(c, owners.get(c.id), mine.get(c.id))).toList();
                });
    }

    /** No other community has this name, whatever the case (the unique key is the last word, under races). */
    private static Uni<Void> requireNameFree(String name, UUID self) {
        String lower = name.toLowerCase(Locale.ROOT);
        Uni<Long> same = self == null ? Community.count("lower(name) = ?1", lower)
                : Community.count("lower(name) = ?1 and id <> ?2", lower, self);
        return same.invoke(taken -> {
                    if (taken > 0) {
                        throw CommunityRules.nameTaken(name);
                    }
                }).replaceWithVoid();
    }

    private static boolean nameKeyViolated(Throwable e) {
        return DatabaseErrors.constraint(e).map(NAME_KEY::equals).orElse(false);
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
