package com.swanstudios.platform.kit.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A deployment must not run on the defaults that make the local stack work out of the box: outside the local
 * stack ({@code SWAN_LOCAL_STACK=true}, which its launcher sets) and outside dev and test mode, a service
 * refuses to start when its database password is the documented default, when it would fetch signing keys
 * over plain HTTP from another host (anyone on the path could swap them), or when tokens would be checked
 * against the default issuer. It names every such setting at once.
 */
@ApplicationScoped
public class ProductionGuard {

    static final String DEFAULT_ISSUER = "https://swanstudios.local";

    private final boolean localStack;
    private final String database;
    private final Optional<String> password;
    private final String jwksUrl;
    private final String issuer;

    ProductionGuard(@ConfigProperty(name = "swan.local-stack", defaultValue = "false") boolean localStack,
            @ConfigProperty(name = "swan.database") String database,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") String jwksUrl,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.localStack = localStack;
        this.database = database;
        this.password = password;
        this.jwksUrl = jwksUrl;
        this.issuer = issuer;
    }

    /** Whether local-stack defaults are refused here: production mode, outside the local stack. */
    public static boolean refusesLocalDefaults(boolean localStack) {
        return LaunchMode.current() == LaunchMode.NORMAL && !localStack;
    }

    void check(@Observes StartupEvent started) {
        if (!refusesLocalDefaults(localStack)) {
            return;
        }
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with local-stack defaults outside the local stack: "
                    + String.join("; ", problems) + " (set SWAN_LOCAL_STACK=true only on a developer's machine)");
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (password.isEmpty() || password.get().isBlank() || password.get().equals(database)) {
            problems.add("DB_PASSWORD is unset or the default");
        }
        URI jwks = URI.create(jwksUrl);
        if ("http".equalsIgnoreCase(jwks.getScheme()) && !loopback(jwks.getHost())) {
            problems.add("JWT_JWKS_URL fetches signing keys over plain HTTP from another host (" + jwksUrl + ")");
        }
        if (DEFAULT_ISSUER.equals(issuer)) {
            problems.add("JWT_ISSUER is the default " + DEFAULT_ISSUER);
        }
        return problems;
    }

    private static boolean loopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }
}
