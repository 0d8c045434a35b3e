package com.swanstudios.platform.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The event consumers' part of {@code /q/health/ready}: DOWN while a channel retries a transient failure. */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    private final ConsumerHealth consumers;

    ConsumerReadiness(ConsumerHealth consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        return consumers.readiness();
    }
}
