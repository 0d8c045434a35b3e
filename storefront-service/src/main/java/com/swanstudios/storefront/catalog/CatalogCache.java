package com.swanstudios.storefront.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The catalog's answers held in memory, serialized: a read is a lookup and a write of bytes. Each list page
 * (cursor, limit, include-inactive) and each package is kept with its ETag and dropped when the catalog
 * changes: at once after this replica's own writes ({@link #invalidate()} from the resource), and on every
 * replica when the change's {@code storefront.package.v1} event arrives ({@link PackageChanges}).
 *
 * <p>How stale a replica can be: normally the event's propagation time, from the writer's commit (the outbox
 * relay is woken by it) to this replica's consumer (CatalogCacheTest prints the event-to-visible time).
 * Should events stop arriving (Kafka down, the consumer group still joining), no entry is served longer than
 * {@code swan.catalog.cache-max-age} after it was read from the database (5 s by default): that is the bound.
 *
 * <p>A load that raced with a change is never kept: it is stored only if no invalidation happened since it
 * started. Cursors come from clients, so the number of entries is bounded; beyond it answers are built as
 * before, without being kept.
 */
@ApplicationScoped
public class CatalogCache {

    /** An answer ready to send. */
    public record Cached(byte[] body, String etag, long loadedAtMillis) {
    }

    /** A list page's identity; {@code cursor} is the client's, as sent. */
    record PageKey(String cursor, int limit, boolean includeInactive) {
    }

    static final int MAX_ENTRIES = 2_000;

    private final Map<Object, Cached> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final ObjectMapper json;
    private final long maxAgeMillis;
    private final Counter hits;
    private final Counter misses;

    CatalogCache(ObjectMapper json, MeterRegistry metrics,
            @ConfigProperty(name = "swan.catalog.cache-max-age", defaultValue = "5S") Duration maxAge) {
        this.json = json;
        this.maxAgeMillis = maxAge.toMillis();
        this.hits = Counter.builder("catalog_cache_hits").description("Catalog reads answered from memory").register(metrics);
        this.misses = Counter.builder("catalog_cache_misses").description("Catalog reads that went to the database")
                .register(metrics);
    }

    /** The page from memory, or loaded, serialized and kept (with the ETag {@code etagOf} gives it). */
    public <T> Uni<Cached> page(String cursor, int limit, boolean includeInactive, Supplier<Uni<T>> load,
            Function<T, String> etagOf) {
        return lookup(new PageKey(cursor == null ? "" : cursor, limit, includeInactive), load, etagOf);
    }

    public <T> Uni<Cached> item(Object id, Supplier<Uni<T>> load, Function<T, String> etagOf) {
        return lookup(id, load, etagOf);
    }

    /** Forgets every answer: the catalog changed. */
    public void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }

    private <T> Uni<Cached> lookup(Object key, Supplier<Uni<T>> load, Function<T, String> etagOf) {
        long now = System.currentTimeMillis();
        Cached cached = entries.get(key);
        if (cached != null && now - cached.loadedAtMillis() < maxAgeMillis) {
            hits.increment();
            return Uni.createFrom().item(cached);
        }
        misses.increment();
        long startedIn = generation.get();
        return load.get().map(value -> {
            Cached fresh = new Cached(serialize(value), etagOf.apply(value), now);
            if (generation.get() == startedIn && (entries.size() < MAX_ENTRIES || entries.containsKey(key))) {
                entries.put(key, fresh);
            }
            return fresh;
        });
    }

    private byte[] serialize(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A catalog view could not be serialized", e);
        }
    }
}
