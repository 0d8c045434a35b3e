package com.swanstudios.cart.payments;

import com.swanstudios.platform.kit.ids.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The local stack's provider: no money moves. Its checkout URL is this service's own
 * {@code /api/payments/simulated/{sessionId}}, where one call completes, fails or expires the payment by sending
 * a signed Stripe-format event through the webhook's own path ({@link SimulatedPaymentsResource}). What a
 * session's state is lives on the order; this class keeps none. Refused in production ({@link PaymentProviders}).
 */
@ApplicationScoped
public class SimulatedProvider implements PaymentProvider {

    static final String SESSION_PREFIX = "cs_simulated_";

    private final PaymentSettings settings;

    public SimulatedProvider(PaymentSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public Uni<Session> open(Request request) {
        // derived from the order, so asking again gives the same session, as Stripe's idempotency key does
        String id = SESSION_PREFIX + request.orderId().toString().replace("-", "");
        return Uni.createFrom().item(new Session(id, settings.simulated().baseUrl() + SimulatedPaymentsResource.PATH + "/" + id));
    }

    @Override
    public Uni<Boolean> expire(String sessionId) {
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<String> refund(String paymentReference, long amountCents, UUID orderId) {
        return Uni.createFrom().item("re_simulated_" + Ids.newId().toString().replace("-", ""));
    }
}
