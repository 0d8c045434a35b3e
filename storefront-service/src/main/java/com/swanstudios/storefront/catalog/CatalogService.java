package com.swanstudios.storefront.catalog;

import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.outbox.OutboundEvent;
import com.swanstudios.platform.kit.outbox.Outbox;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.problem.Problem.FieldError;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.StaleStateException;

/**
 * The catalog's rules and transactions. Every write stages its {@code storefront.package.v1} event in the
 * same transaction, carrying the package's full state after the write.
 */
@ApplicationScoped
public class CatalogService {

    static final String TOPIC = "storefront.package.v1";
    static final String CREATED = "com.swanstudios.storefront.package.created";
    static final String UPDATED = "com.swanstudios.storefront.package.updated";
    static final String DEACTIVATED = "com.swanstudios.storefront.package.deactivated";

    private final Outbox outbox;

    public CatalogService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Active packages in display order (admins may include inactive ones), one page at a time, one query. */
    @WithSession
    public Uni<CatalogPage> list(PageCursor after, int limit, boolean includeInactive) {
        StringBuilder where = new StringBuilder(includeInactive ? "1 = 1" : "active = true");
        Parameters params = new Parameters();
        if (after != null) {
            where.append(" and (displayOrder > :order or (displayOrder = :order and id > :id))");
            params.and("order", after.displayOrder()).and("id", after.id());
        }
        return TrainingPackage.<TrainingPackage>find(where + " order by displayOrder, id", params)
                .page(0, limit).list()
                .map(found -> {
                    List<PackageView> items = found.stream().map(PackageView::of).toList();
                    String next = null;
                    if (items.size() == limit) {
                        PackageView last = items.get(items.size() - 1);
                        next = new PageCursor(last.displayOrder(), last.id()).encode();
                    }
                    return new CatalogPage(items, next);
                });
    }

    @WithSession
    public Uni<PackageView> get(UUID id) {
        return find(id).map(PackageView::of);
    }

    @WithTransaction
    public Uni<PackageView> create(PackageRequest request) {
        TrainingPackage created = new TrainingPackage();
        PackageRules.apply(request, created);
        created.id = Ids.newId();
        created.active = true;
        created.createdAt = now();
        created.updatedAt = created.createdAt;
        return ensureUnique(created)
                .chain(() -> created.persist())
                .chain(() -> announce(created, CREATED));
    }

    /** Replaces the editable fields; {@code expectedVersion} is the client's If-Match (412 when stale). */
    @WithTransaction
    public Uni<PackageView> replace(UUID id, Long expectedVersion, PackageRequest request) {
        return find(id)
                .invoke(existing -> requireVersion(existing, expectedVersion))
                // checked on a detached copy: a query after changing the managed entity would flush it first
                .call(existing -> ensureUnique(replacement(existing, request)))
                .chain(existing -> {
                    PackageRules.apply(request, existing);
                    existing.active = request.active() != null ? request.active() : existing.active;
                    existing.updatedAt = now();
                    return announce(existing, UPDATED);
                })
                .onFailure(CatalogService::isStaleWrite).transform(e -> staleWrite());
    }

    /** Deactivates (never deletes, so old orders keep their meaning); deactivating twice changes nothing. */
    @WithTransaction
    public Uni<Void> deactivate(UUID id, Long expectedVersion) {
        return find(id)
                .chain(existing -> {
                    if (!existing.active) {
                        return Uni.createFrom().voidItem(); // already done: repeating it is not a conflict
                    }
                    requireVersion(existing, expectedVersion);
                    existing.active = false;
                    existing.updatedAt = now();
                    return announce(existing, DEACTIVATED).replaceWithVoid();
                })
                .onFailure(CatalogService::isStaleWrite).transform(e -> staleWrite());
    }

    /** Flushes first, so the event carries the version the write produced. */
    private Uni<PackageView> announce(TrainingPackage changed, String type) {
        return Panache.getSession().chain(session -> session.flush())
                .map(ignored -> PackageView.of(changed))
                .call(view -> outbox.stage(new OutboundEvent(TOPIC, type, view.id().toString(), view.version(), view)));
    }

    /** Clear 409s for the two uniqueness rules; the unique indexes still guard against races. */
    private Uni<Void> ensureUnique(TrainingPackage candidate) {
        Uni<Void> name = TrainingPackage.count("lower(name) = lower(?1) and packageType = ?2 and id <> ?3",
                        candidate.name, candidate.packageType, idOrNil(candidate))
                .invoke(n -> {
                    if (n > 0) {
                        throw new DomainException(409, "conflict", "Conflict",
                                "A " + candidate.packageType.wireName() + " package named '" + candidate.name + "' already exists",
                                List.of(new FieldError("name", "is taken for this package type")));
                    }
                }).replaceWithVoid();
        if (!candidate.active) {
            return name;
        }
        return name.chain(() -> TrainingPackage.count("displayOrder = ?1 and active = true and id <> ?2",
                        candidate.displayOrder, idOrNil(candidate))
                .invoke(n -> {
                    if (n > 0) {
                        throw new DomainException(409, "conflict", "Conflict",
                                "Another active package already has display order " + candidate.displayOrder,
                                List.of(new FieldError("displayOrder", "is taken by another active package")));
                    }
                }).replaceWithVoid());
    }

    private static TrainingPackage replacement(TrainingPackage existing, PackageRequest request) {
        TrainingPackage candidate = new TrainingPackage();
        PackageRules.apply(request, candidate);
        candidate.id = existing.id;
        candidate.active = request.active() != null ? request.active() : existing.active;
        return candidate;
    }

    private static Uni<TrainingPackage> find(UUID id) {
        return TrainingPackage.<TrainingPackage>findById(id)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Package " + id));
    }

    /** {@code null} is {@code If-Match: *}: whatever the current version is. */
    private static void requireVersion(TrainingPackage existing, Long expectedVersion) {
        if (expectedVersion != null && existing.version != expectedVersion) {
            throw staleWrite();
        }
    }

    private static DomainException staleWrite() {
        return DomainException.preconditionFailed("The package was changed meanwhile; read it again (GET) and retry with its new ETag");
    }

    private static boolean isStaleWrite(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static UUID idOrNil(TrainingPackage p) {
        return p.id == null ? new UUID(0, 0) : p.id;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
