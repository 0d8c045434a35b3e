package com.swanstudios.platform.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The local stack's defaults are named, all at once, when a deployment would run on them. */
class ProductionGuardTest {

    @Test
    void theLocalDefaultsAreEachNamed() {
        ProductionGuard guard = new ProductionGuard(false, "cart_service", Optional.of("cart_service"),
                "http://user-service:8081/.well-known/jwks.json", ProductionGuard.DEFAULT_ISSUER);
        assertThat(guard.problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("DB_PASSWORD"))
                .anySatisfy(p -> assertThat(p).contains("JWT_JWKS_URL"))
                .anySatisfy(p -> assertThat(p).contains("JWT_ISSUER"));
        assertThat(new ProductionGuard(false, "cart_service", Optional.empty(), "https://id.example/jwks", "https://id.example")
                .problems()).containsExactly("DB_PASSWORD is unset or the default");
    }

    @Test
    void aDeploymentsOwnSettingsPass() {
        assertThat(new ProductionGuard(false, "cart_service", Optional.of("s3cret-from-a-Secret"),
                "https://users.swanstudios.example/.well-known/jwks.json", "https://swanstudios.example").problems()).isEmpty();
        // user-service reads its own keys over loopback
        assertThat(new ProductionGuard(false, "user_service", Optional.of("s3cret-from-a-Secret"),
                "http://localhost:8081/.well-known/jwks.json", "https://swanstudios.example").problems()).isEmpty();
    }
}
