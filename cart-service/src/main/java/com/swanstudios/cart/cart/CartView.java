package com.swanstudios.cart.cart;

import com.swanstudios.cart.catalog.KnownPackage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's cart as the API shows it: its lines with their captured prices, and the totals. */
@Schema(name = "Cart")
public record CartView(UUID id,
        @Schema(description = "active, or pending_payment while a checkout is open (the cart is locked)") String status,
        List<Line> items,
        @Schema(description = "Packages in the cart, counting quantities") int itemCount,
        @Schema(description = "Training sessions the cart's packages grant when paid") long totalSessions,
        @Schema(description = "Sum of the lines at their captured prices, in cents") long totalCents,
        @Schema(description = "ISO 4217; every line is in it") String currency,
        OffsetDateTime updatedAt) {

    static final String DEFAULT_CURRENCY = "USD";

    @Schema(name = "CartItem")
    public record Line(UUID id, UUID packageId, String name, String packageType,
            @Schema(description = "Sessions one of this package grants") int sessionsPerUnit,
            int quantity,
            @Schema(description = "One package's price when it was added (checked again at checkout)") long unitPriceCents,
            long lineTotalCents,
            @Schema(description = "Whether the package is still on sale; checkout refuses a cart with one that is not")
            boolean available) {
    }

    static CartView of(Cart cart, List<CartItem> items, Map<UUID, KnownPackage> packages) {
        List<Line> lines = items.stream().map(item -> {
            KnownPackage p = packages.get(item.packageId);
            return new Line(item.id, item.packageId, p.name, p.packageType, p.totalSessions, item.quantity, item.unitPriceCents,
                    item.unitPriceCents * item.quantity, p.active);
        }).toList();
        String currency = items.isEmpty() ? DEFAULT_CURRENCY : packages.get(items.get(0).packageId).currency;
        return new CartView(cart.id, cart.status, lines, lines.stream().mapToInt(Line::quantity).sum(),
                lines.stream().mapToLong(l -> (long) l.sessionsPerUnit() * l.quantity()).sum(),
                lines.stream().mapToLong(Line::lineTotalCents).sum(), currency, cart.updatedAt);
    }
}
