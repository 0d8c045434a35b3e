package com.swanstudios.cart.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a deployment must set before cart-service takes payments: named, all at once. */
class PaymentProvidersTest {

    record Settings(String provider, Optional<String> webhookSecret, Optional<String> apiKey) implements PaymentSettings {
        @Override
        public Duration sessionTtl() {
            return Duration.ofMinutes(30);
        }

        @Override
        public Duration expirySweepInterval() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Duration webhookTolerance() {
            return Duration.ofMinutes(5);
        }

        @Override
        public String successUrl() {
            return "https://shop.example/ok?order={ORDER_ID}";
        }

        @Override
        public String cancelUrl() {
            return "https://shop.example/cancelled?order={ORDER_ID}";
        }

        @Override
        public Stripe stripe() {
            return new Stripe() {
                @Override
                public Optional<String> apiKey() {
                    return apiKey;
                }

                @Override
                public String apiBase() {
                    return "https://api.stripe.com";
                }
            };
        }

        @Override
        public Simulated simulated() {
            return () -> "http://localhost:8080";
        }
    }

    static PaymentProviders providers(Settings settings) {
        return new PaymentProviders(settings, new StripeProvider(settings), new SimulatedProvider(settings), false);
    }

    @Test
    void theSimulatedProviderAndMissingStripeSecretsAreNamed() {
        assertThat(providers(new Settings("simulated", Optional.empty(), Optional.of(" "))).problems()).containsExactly(
                "PAYMENT_PROVIDER=simulated is for the local stack only", "STRIPE_API_KEY is not set",
                "STRIPE_WEBHOOK_SECRET is not set");
        assertThat(providers(new Settings("stripe", Optional.of("whsec_x"), Optional.of("sk_live_x"))).problems()).isEmpty();
    }

    @Test
    void anUnknownProviderIsRefused() {
        assertThatThrownBy(() -> providers(new Settings("paypal", Optional.empty(), Optional.empty())).current())
                .hasMessageContaining("stripe or simulated, not paypal");
    }
}
