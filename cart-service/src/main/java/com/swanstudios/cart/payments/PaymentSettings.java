package com.swanstudios.cart.payments;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code swan.payments.*}: which provider, how long a checkout stays open, and how webhooks are verified. */
@ConfigMapping(prefix = "swan.payments")
public interface PaymentSettings {

    /** {@code stripe}, or {@code simulated} (the local stack's; refused in production). */
    String provider();

    /** How long a checkout holds the cart before the payment session expires. */
    @WithDefault("30M")
    Duration sessionTtl();

    /** How often pending checkouts past their expiry are looked for (checkout/PendingCheckoutExpiry). */
    @WithDefault("30s")
    Duration expirySweepInterval();

    /** Stripe's endpoint secret ({@code whsec_…}): webhooks are refused without a valid signature by it. */
    Optional<String> webhookSecret();

    /** How old a signed webhook may be (the timestamp in Stripe-Signature), against replays. */
    @WithDefault("300S")
    Duration webhookTolerance();

    /** Where the provider sends the buyer after paying or giving up; {ORDER_ID} is replaced. */
    String successUrl();

    String cancelUrl();

    Stripe stripe();

    Simulated simulated();

    interface Stripe {
        Optional<String> apiKey();

        @WithDefault("https://api.stripe.com")
        String apiBase();
    }

    interface Simulated {
        /** The platform's public address, for the simulated payment page's links. */
        @WithDefault("http://localhost:8080")
        String baseUrl();
    }
}
