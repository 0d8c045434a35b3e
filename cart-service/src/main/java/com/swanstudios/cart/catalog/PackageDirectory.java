package com.swanstudios.cart.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.events.EventState;
import com.swanstudios.platform.kit.events.PoisonMessageException;
import com.swanstudios.platform.kit.inbox.ChannelConsumer;
import com.swanstudios.platform.kit.inbox.IdempotentConsumer;
import com.swanstudios.platform.kit.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps {@link KnownPackage} in step with {@code storefront.package.v1}: each package's newest state, never an
 * older one (the kit's version gate), whatever the order of arrival. Packages are deactivated, never deleted:
 * a tombstone (which storefront-service does not send) withdraws the package from sale here.
 */
@ApplicationScoped
public class PackageDirectory implements ChannelConsumer {

    private static final String UPSERT = """
            insert into known_package (id, name, package_type, total_sessions, total_cost_cents, currency, active, version,
                applied_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, clock_timestamp())
            on conflict (id) do update set name = excluded.name, package_type = excluded.package_type,
                total_sessions = excluded.total_sessions, total_cost_cents = excluded.total_cost_cents,
                currency = excluded.currency, active = excluded.active, version = excluded.version,
                applied_at = excluded.applied_at""";
    private static final String WHAT = "a package state";
    private static final String WITHDRAW = "update known_package set active = false, applied_at = clock_timestamp() where id = ?1";

    private final IdempotentConsumer inbox;
    private final ObjectMapper json;

    public PackageDirectory(IdempotentConsumer inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Override
    public String channel() {
        return "packages";
    }

    @Override
    @Incoming("packages")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.applyIfNewer(channel(), record, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (event.tombstone()) {
            return Panache.getSession().chain(session -> session.createNativeQuery(WITHDRAW)
                    .setParameter(1, EventState.uuid(event.key(), WHAT)).executeUpdate()).replaceWithVoid();
        }
        EventState p = EventState.parse(json, event.payload(), WHAT);
        String currency = p.text("currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new PoisonMessageException(WHAT + " whose currency is not an ISO 4217 code: " + currency);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, p.uuid("id"))
                        .setParameter(2, p.text("name"))
                        .setParameter(3, p.text("packageType"))
                        .setParameter(4, (int) p.positive("totalSessions", Integer.MAX_VALUE))
                        .setParameter(5, p.positive("totalCostCents", Long.MAX_VALUE))
                        .setParameter(6, currency)
                        .setParameter(7, p.bool("active"))
                        .setParameter(8, p.version())
                        .executeUpdate())
                .replaceWithVoid();
    }
}
