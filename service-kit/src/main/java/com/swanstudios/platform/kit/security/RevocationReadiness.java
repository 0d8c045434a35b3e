package com.swanstudios.platform.kit.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN until the replica has read the revocations it must honour: before that it could accept a voided token. */
@Readiness
@ApplicationScoped
public class RevocationReadiness implements HealthCheck {

    private final TokenRevocations revocations;

    RevocationReadiness(TokenRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("token-revocations").status(revocations.loaded()).build();
    }
}
