package com.swanstudios.storefront.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Every replica drops its catalog answers when any replica changes the catalog: each reads
 * {@code storefront.package.v1} in a consumer group of its own, from the newest record (channel
 * {@code package-changes}). A change missed meanwhile (the group was joining, Kafka was away) ages out of the
 * cache within {@code swan.catalog.cache-max-age}.
 */
@ApplicationScoped
class PackageChanges {

    private final CatalogCache cache;

    PackageChanges(CatalogCache cache) {
        this.cache = cache;
    }

    @Incoming("package-changes")
    public CompletionStage<Void> changed(Message<String> change) {
        cache.invalidate();
        return change.ack();
    }
}
