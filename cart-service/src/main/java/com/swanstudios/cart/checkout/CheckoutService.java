package com.swanstudios.cart.checkout;

import com.swanstudios.cart.cart.Cart;
import com.swanstudios.cart.cart.CartItem;
import com.swanstudios.cart.cart.CartService;
import com.swanstudios.cart.catalog.KnownPackage;
import com.swanstudios.cart.orders.CustomerOrder;
import com.swanstudios.cart.orders.OrderItem;
import com.swanstudios.cart.orders.OrderView;
import com.swanstudios.cart.orders.Orders;
import com.swanstudios.cart.payments.PaymentOutcomes;
import com.swanstudios.cart.payments.PaymentProvider;
import com.swanstudios.cart.payments.PaymentProviders;
import com.swanstudios.cart.payments.PaymentSettings;
import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.problem.Problem.FieldError;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Checkout in three steps, so no database transaction waits on the payment provider:
 * <ol>
 * <li>one transaction re-prices the locked cart against the catalog projection (a moved price is written to the
 * cart and answered 409 {@code price-changed}), creates the order {@code pending_payment} with its lines and
 * locks the cart, with the order's {@code commerce.order.v1} event;</li>
 * <li>the provider opens the payment page, idempotent per order;</li>
 * <li>a second transaction stores the page on the order.</li>
 * </ol>
 * The {@code Idempotency-Key} is the order's: the same key and body answer the same order (and finish step 2
 * and 3 if a failure interrupted them), the same key with another body 422.
 */
@ApplicationScoped
public class CheckoutService {

    private static final Logger LOG = Logger.getLogger(CheckoutService.class);

    private final CartService carts;
    private final Orders orders;
    private final PaymentProviders providers;
    private final PaymentSettings settings;
    private final PaymentOutcomes outcomes;

    public CheckoutService(CartService carts, Orders orders, PaymentProviders providers, PaymentSettings settings,
            PaymentOutcomes outcomes) {
        this.carts = carts;
        this.orders = orders;
        this.providers = providers;
        this.settings = settings;
        this.outcomes = outcomes;
    }

    /** The checkout's order (new or the key's earlier one), with a payment page. */
    public Uni<CheckoutView> checkout(UUID userId, String idempotencyKey, CheckoutRequest request) {
        String hash = hash(request);
        // the cart's lock first: a concurrent request with the same key waits, then finds this one's order
        return Panache.withTransaction(() -> carts.lockedOpenCart(userId).chain(cart -> CustomerOrder.<CustomerOrder>find(
                        "userId = ?1 and idempotencyKey = ?2", userId, idempotencyKey).firstResult()
                .chain(earlier -> earlier != null ? replay(earlier, hash) : create(cart, userId, idempotencyKey, hash, request))))
                // a refusal that wrote the new prices is thrown only now, after its transaction committed
                .invoke(attempt -> {
                    if (attempt.refused() != null) {
                        throw attempt.refused();
                    }
                })
                .chain(attempt -> withPaymentPage(attempt.order()))
                .map(CheckoutView::of);
    }

    /** What the first transaction came to: an order, or a refusal to answer once the cart's new prices are committed. */
    private record Attempt(CustomerOrder order, PriceChangedException refused) {
    }

    private static Uni<Attempt> replay(CustomerOrder earlier, String hash) {
        if (!earlier.requestHash.equals(hash)) {
            throw new DomainException(422, "idempotency-key-reused", "Unprocessable Content",
                    "This Idempotency-Key was used for a different checkout request: use a new key for a new request");
        }
        return Uni.createFrom().item(new Attempt(earlier, null));
    }

    private Uni<Attempt> create(Cart cart, UUID userId, String idempotencyKey, String hash, CheckoutRequest request) {
        if (!Cart.ACTIVE.equals(cart.status)) {
            throw new DomainException(409, "checkout-open", "Conflict", "A checkout is already open for this cart: pay it, "
                    + "or cancel it (POST /api/cart/checkout/cancel) first");
        }
        return CartService.items(cart.id).chain(items -> CartService.packages(items).chain(packages -> {
            PriceChangedException moved = reprice(cart, items, packages, request);
            if (moved != null) {
                return Panache.getSession().chain(session -> session.flush()).replaceWith(new Attempt(null, moved));
            }
            return open(userId, idempotencyKey, hash, cart, items, packages).map(order -> new Attempt(order, null));
        }));
    }

    /**
     * Refuses an empty cart and inactive packages; writes moved prices to the cart's lines and returns the 409 naming
     * them (or a total other than the one the buyer was shown); null when the cart can be bought as it is.
     */
    private static PriceChangedException reprice(Cart cart, List<CartItem> items, Map<UUID, KnownPackage> packages,
            CheckoutRequest request) {
        if (items.isEmpty()) {
            throw new DomainException(409, "cart-empty", "Conflict", "Your cart is empty: add a package first");
        }
        List<FieldError> inactive = new ArrayList<>();
        List<FieldError> moved = new ArrayList<>();
        long total = 0;
        for (CartItem item : items) {
            KnownPackage p = packages.get(item.packageId);
            if (!p.active) {
                inactive.add(new FieldError("items/" + item.id, "'" + p.name + "' is no longer on sale: remove it"));
            } else if (p.totalCostCents != item.unitPriceCents) {
                moved.add(new FieldError("items/" + item.id, "'" + p.name + "' now costs " + p.totalCostCents + " cents (was "
                        + item.unitPriceCents + ")"));
                item.unitPriceCents = p.totalCostCents;
            }
            total += p.totalCostCents * item.quantity;
        }
        if (!inactive.isEmpty()) {
            throw new DomainException(409, "package-inactive", "Conflict", "Some packages in your cart are no longer on sale",
                    inactive);
        }
        if (!moved.isEmpty()) {
            cart.updatedAt = now();
            return new PriceChangedException(moved, total);
        }
        if (request.expectedTotalCents() != null && request.expectedTotalCents() != total) {
            return new PriceChangedException(List.of(new FieldError("expectedTotalCents", "the cart's total is " + total + " cents")),
                    total);
        }
        return null;
    }

    private Uni<CustomerOrder> open(UUID userId, String idempotencyKey, String hash, Cart cart, List<CartItem> items,
            Map<UUID, KnownPackage> packages) {
        CustomerOrder order = new CustomerOrder();
        order.id = Ids.newId();
        order.userId = userId;
        order.cartId = cart.id;
        order.status = CustomerOrder.PENDING_PAYMENT;
        order.totalCents = items.stream().mapToLong(i -> i.unitPriceCents * i.quantity).sum();
        order.currency = packages.get(items.get(0).packageId).currency;
        order.provider = providers.current().name();
        order.createdAt = now();
        order.updatedAt = order.createdAt;
        order.expiresAt = order.createdAt.plus(settings.sessionTtl());
        order.idempotencyKey = idempotencyKey;
        order.requestHash = hash;
        cart.status = Cart.PENDING_PAYMENT;
        cart.updatedAt = order.createdAt;
        List<OrderItem> lines = items.stream().map(item -> {
            KnownPackage p = packages.get(item.packageId);
            OrderItem line = new OrderItem();
            line.orderId = order.id;
            line.packageId = p.id;
            line.packageName = p.name;
            line.sessionsPerUnit = p.totalSessions;
            line.quantity = item.quantity;
            line.unitPriceCents = item.unitPriceCents;
            return line;
        }).toList();
        return order.persist().chain(() -> OrderItem.persist(lines)).chain(() -> orders.announce(order, "created"))
                .replaceWith(order);
    }

    /** Steps 2 and 3, for a new order or a replayed one that has no page yet. */
    private Uni<OrderView> withPaymentPage(CustomerOrder order) {
        if (order.paymentSessionId != null || !CustomerOrder.PENDING_PAYMENT.equals(order.status)) {
            return Panache.withSession(() -> Orders.view(order));
        }
        PaymentProvider provider = providers.byName(order.provider);
        return Panache.withSession(() -> Orders.items(order.id))
                .chain(items -> provider.open(new PaymentProvider.Request(order.id, order.userId, items.stream()
                        .map(i -> new PaymentProvider.Line(i.packageName, i.quantity, i.unitPriceCents)).toList(), order.currency,
                        order.expiresAt)))
                .onFailure().invoke(e -> LOG.warnf("Order %s waits for its payment page (a retry with the same key opens it): %s",
                        order.id, e.getMessage()))
                .chain(session -> Panache.withTransaction(() -> Orders.locked(order.id).chain(locked -> {
                    if (locked.paymentSessionId == null) {
                        locked.paymentSessionId = session.id();
                        locked.checkoutUrl = session.checkoutUrl();
                        locked.updatedAt = now();
                    }
                    return Panache.getSession().chain(s -> s.flush()).chain(() -> Orders.view(locked));
                })));
    }

    /**
     * Abandons the user's open checkout: the provider's page is ended first (outside any transaction), then the order
     * is cancelled and the cart unlocked. When the provider says the buyer already paid, nothing is cancelled: 409,
     * and the payment's webhook completes the order.
     */
    public Uni<OrderView> cancel(UUID userId) {
        return Panache.withSession(() -> CustomerOrder.<CustomerOrder>find("userId = ?1 and status = ?2 order by createdAt desc",
                        userId, CustomerOrder.PENDING_PAYMENT).firstResult())
                .onItem().ifNull().failWith(() -> new DomainException(409, "no-checkout-open", "Conflict",
                        "You have no checkout open: nothing to cancel"))
                .chain(order -> endPaymentPage(order).chain(ended -> {
                    if (!ended) {
                        throw paidMeanwhile(order.id);
                    }
                    return Panache.withTransaction(() -> Orders.locked(order.id).chain(locked -> {
                        if (!CustomerOrder.PENDING_PAYMENT.equals(locked.status)) {
                            throw CustomerOrder.PAID.equals(locked.status) ? paidMeanwhile(locked.id)
                                    : new DomainException(409, "no-checkout-open", "Conflict", "Your checkout already ended: "
                                            + locked.status);
                        }
                        return outcomes.end(locked, CustomerOrder.CANCELLED);
                    }));
                }));
    }

    /** Ends the order's payment page at the provider; false when the buyer already paid there. */
    public Uni<Boolean> endPaymentPage(CustomerOrder order) {
        return order.paymentSessionId == null ? Uni.createFrom().item(true)
                : providers.byName(order.provider).expire(order.paymentSessionId);
    }

    private static DomainException paidMeanwhile(UUID orderId) {
        return new DomainException(409, "order-paid", "Conflict", "Order " + orderId + " was paid: it can no longer be cancelled");
    }

    private static String hash(CheckoutRequest request) {
        String canonical = "expectedTotalCents=" + request.expectedTotalCents();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
