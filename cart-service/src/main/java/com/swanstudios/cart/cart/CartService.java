package com.swanstudios.cart.cart;

import com.swanstudios.cart.catalog.KnownPackage;
import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The cart's rules and transactions. Every change locks the user's open cart row first, so concurrent
 * requests of one user apply one after another; the schema's unique index keeps one open cart per user and
 * its CHECKs the limits, whatever reaches it.
 */
@ApplicationScoped
public class CartService {

    private static final String OPEN = """
            insert into cart (id, user_id, status, version, created_at, updated_at) values (?1, ?2, 'active', 0, now(), now())
            on conflict (user_id) where status in ('active', 'pending_payment') do nothing""";

    /** The caller's open cart, created on first use. */
    @WithTransaction
    public Uni<CartView> current(UUID userId) {
        return open(userId, LockModeType.NONE).chain(this::view);
    }

    @WithTransaction
    public Uni<CartView> add(UUID userId, ItemRequest request) {
        int quantity = request.quantity() == null ? 1 : request.quantity();
        return changeable(userId).chain(cart -> onSale(request.packageId()).chain(p -> items(cart.id).chain(items -> {
            CartItem line = items.stream().filter(i -> i.packageId.equals(p.id)).findFirst().orElse(null);
            if (line != null) {
                return setQuantity(cart, line, line.quantity + quantity);
            }
            if (items.size() >= CartRules.MAX_LINES) {
                throw CartRules.tooManyLines();
            }
            return requireCurrency(items, p).chain(() -> {
                CartItem added = new CartItem();
                added.id = Ids.newId();
                added.cartId = cart.id;
                added.packageId = p.id;
                added.quantity = quantity;
                added.unitPriceCents = p.totalCostCents;
                added.addedAt = now();
                return added.persist().chain(() -> touched(cart));
            });
        })));
    }

    @WithTransaction
    public Uni<CartView> update(UUID userId, UUID itemId, int quantity) {
        return changeable(userId).chain(cart -> line(cart, itemId).chain(line -> setQuantity(cart, line, quantity)));
    }

    @WithTransaction
    public Uni<CartView> remove(UUID userId, UUID itemId) {
        return changeable(userId).chain(cart -> line(cart, itemId).chain(line -> line.delete()).chain(() -> touched(cart)));
    }

    /** The user's open cart, locked for the rest of the transaction (created if there is none). */
    public Uni<Cart> lockedOpenCart(UUID userId) {
        return open(userId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A cart whose checkout ended without a payment: open for changes again (if that checkout still held it). */
    public Uni<Void> release(UUID cartId) {
        return moveFrom(cartId, Cart.PENDING_PAYMENT, Cart.ACTIVE);
    }

    /** A cart whose checkout was paid: done; the user's next request opens a new one. */
    public Uni<Void> complete(UUID cartId) {
        return moveFrom(cartId, Cart.PENDING_PAYMENT, Cart.COMPLETED);
    }

    private static Uni<Void> moveFrom(UUID cartId, String from, String to) {
        if (cartId == null) {
            return Uni.createFrom().voidItem();
        }
        return Cart.<Cart>findById(cartId, LockModeType.PESSIMISTIC_WRITE).invoke(cart -> {
            if (cart != null && from.equals(cart.status)) {
                cart.status = to;
                cart.updatedAt = now();
            }
        }).replaceWithVoid();
    }

    private Uni<CartView> setQuantity(Cart cart, CartItem line, int quantity) {
        if (quantity > CartRules.MAX_QUANTITY) {
            throw CartRules.tooMany(quantity);
        }
        line.quantity = quantity;
        return touched(cart);
    }

    /** The user's open cart, locked, refused while a checkout holds it. */
    private static Uni<Cart> changeable(UUID userId) {
        return open(userId, LockModeType.PESSIMISTIC_WRITE).invoke(cart -> {
            if (!Cart.ACTIVE.equals(cart.status)) {
                throw CartRules.locked();
            }
        });
    }

    /** Creates the open cart if there is none (a concurrent creation wins quietly), then reads it. */
    static Uni<Cart> open(UUID userId, LockModeType lock) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(OPEN).setParameter(1, Ids.newId()).setParameter(2, userId).executeUpdate())
                .chain(() -> Cart.<Cart>find("userId = ?1 and status in (?2, ?3)", userId, Cart.ACTIVE, Cart.PENDING_PAYMENT)
                        .withLock(lock).<Cart>firstResult())
                .onItem().ifNull().failWith(() -> new IllegalStateException("no open cart for " + userId + " after creating one"));
    }

    private static Uni<KnownPackage> onSale(UUID packageId) {
        return KnownPackage.<KnownPackage>findById(packageId)
                .onItem().ifNull().failWith(() -> new DomainException(404, "unknown-package", "Not Found",
                        "Package " + packageId + " is not in the catalog (or not yet known here: try again in a moment)"))
                .invoke(p -> {
                    if (!p.active) {
                        throw new DomainException(409, "package-inactive", "Conflict", "Package '" + p.name + "' is no longer on sale");
                    }
                });
    }

    private static Uni<Void> requireCurrency(List<CartItem> items, KnownPackage added) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return KnownPackage.<KnownPackage>findById(items.get(0).packageId).invoke(first -> {
            if (!first.currency.equals(added.currency)) {
                throw new DomainException(409, "currency-mismatch", "Conflict", "The cart is priced in " + first.currency
                        + " and package '" + added.name + "' in " + added.currency + ": check them out separately");
            }
        }).replaceWithVoid();
    }

    private static Uni<CartItem> line(Cart cart, UUID itemId) {
        return CartItem.<CartItem>find("id = ?1 and cartId = ?2", itemId, cart.id).firstResult()
                .onItem().ifNull().failWith(() -> DomainException.notFound("Item " + itemId + " of your cart"));
    }

    public static Uni<List<CartItem>> items(UUID cartId) {
        return CartItem.<CartItem>list("cartId = ?1 order by addedAt, id", cartId);
    }

    private Uni<CartView> touched(Cart cart) {
        cart.updatedAt = now();
        return Panache.getSession().chain(session -> session.flush()).chain(() -> view(cart));
    }

    public Uni<CartView> view(Cart cart) {
        return items(cart.id).chain(items -> packages(items).map(packages -> CartView.of(cart, items, packages)));
    }

    public static Uni<Map<UUID, KnownPackage>> packages(List<CartItem> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return KnownPackage.<KnownPackage>list("id in ?1", items.stream().map(i -> i.packageId).distinct().toList())
                .map(found -> found.stream().collect(Collectors.toMap(p -> p.id, Function.identity())));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
