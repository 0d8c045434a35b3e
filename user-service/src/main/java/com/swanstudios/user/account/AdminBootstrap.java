package com.swanstudios.user.account;

import com.swanstudios.user.auth.AuthService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when no account has that email yet. */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AuthService auth;
    private final Optional<String> email;
    private final Optional<String> password;
    private final String username;

    AdminBootstrap(AuthService auth, @ConfigProperty(name = "swan.admin.email") Optional<String> email,
            @ConfigProperty(name = "swan.admin.password") Optional<String> password,
            @ConfigProperty(name = "swan.admin.username", defaultValue = "admin") String username) {
        this.auth = auth;
        this.email = email.filter(v -> !v.isBlank());
        this.password = password.filter(v -> !v.isBlank());
        this.username = username;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        if (email.isEmpty() || password.isEmpty()) {
            return;
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> UserAccount.findByEmail(email.get()))
                .chain(existing -> existing != null
                        ? Uni.createFrom().voidItem()
                        : auth.register(new RegistrationRequest(email.get(), password.get(), username, "Administrator"), Roles.ADMIN)
                                .invoke(session -> LOG.infof("Created the first admin account %s", email.get()))
                                .replaceWithVoid()));
    }
}
