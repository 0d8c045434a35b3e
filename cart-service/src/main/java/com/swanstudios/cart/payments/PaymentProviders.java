package com.swanstudios.cart.payments;

import com.swanstudios.platform.kit.security.ProductionGuard;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The provider new checkouts use ({@code swan.payments.provider}), and the provider of an existing order by its
 * stored name. Outside the local stack in production mode the service refuses to start with the simulated
 * provider, or with Stripe but no API key or webhook secret.
 */
@ApplicationScoped
public class PaymentProviders {

    private final PaymentSettings settings;
    private final StripeProvider stripe;
    private final SimulatedProvider simulated;
    private final boolean localStack;

    PaymentProviders(PaymentSettings settings, StripeProvider stripe, SimulatedProvider simulated,
            @ConfigProperty(name = "swan.local-stack", defaultValue = "false") boolean localStack) {
        this.settings = settings;
        this.stripe = stripe;
        this.simulated = simulated;
        this.localStack = localStack;
    }

    void check(@Observes StartupEvent started) {
        byName(settings.provider());
        if (ProductionGuard.refusesLocalDefaults(localStack) && !problems().isEmpty()) {
            throw new IllegalStateException("Refusing to start cart-service: " + String.join("; ", problems()));
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (simulated.name().equals(settings.provider())) {
            problems.add("PAYMENT_PROVIDER=simulated is for the local stack only");
        }
        if (settings.stripe().apiKey().filter(k -> !k.isBlank()).isEmpty()) {
            problems.add("STRIPE_API_KEY is not set");
        }
        if (settings.webhookSecret().filter(s -> !s.isBlank()).isEmpty()) {
            problems.add("STRIPE_WEBHOOK_SECRET is not set");
        }
        return problems;
    }

    /** For new checkouts. */
    public PaymentProvider current() {
        return byName(settings.provider());
    }

    /** For an order, by the provider it was opened with. */
    public PaymentProvider byName(String name) {
        if (stripe.name().equals(name)) {
            return stripe;
        }
        if (simulated.name().equals(name)) {
            return simulated;
        }
        throw new IllegalStateException("swan.payments.provider must be stripe or simulated, not " + name);
    }
}
