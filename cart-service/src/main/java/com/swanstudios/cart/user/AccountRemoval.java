package com.swanstudios.cart.user;

import com.swanstudios.cart.sessions.BookingService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a deleted account leaves behind here, in the transaction that applies its deletion: its carts go, its future
 * sessions are cancelled (a trainer's with the clients' credits given back) and its open slots withdrawn. Orders
 * and ledger entries stay, as the business's records; they hold the user's id and nothing else about them.
 * Applying it twice changes nothing more.
 */
@ApplicationScoped
public class AccountRemoval {

    private static final Logger LOG = Logger.getLogger(AccountRemoval.class);
    private static final String CART_ITEMS = "delete from cart_item where cart_id in (select id from cart where user_id = ?1)";
    private static final String CARTS = "delete from cart where user_id = ?1";

    private final BookingService bookings;

    public AccountRemoval(BookingService bookings) {
        this.bookings = bookings;
    }

    public Uni<Void> removed(UUID userId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CART_ITEMS).setParameter(1, userId).executeUpdate()
                        .chain(() -> session.createNativeQuery(CARTS).setParameter(1, userId).executeUpdate()))
                .chain(carts -> bookings.accountDeleted(userId).invoke(sessions -> LOG.infof(
                        "Deleted user %s: %d carts removed, %d future sessions cancelled, open slots withdrawn", userId, carts,
                        sessions)))
                .replaceWithVoid();
    }
}
