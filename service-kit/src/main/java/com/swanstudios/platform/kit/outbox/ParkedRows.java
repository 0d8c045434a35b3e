package com.swanstudios.platform.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;

/** Outbox rows parked by the relay, as an operator sees and requeues them. */
@ApplicationScoped
public class ParkedRows {

    public record ParkedRow(UUID id, String topic, String aggregateId, String eventType, int attempts, String lastError,
            OffsetDateTime createdAt, OffsetDateTime parkedAt) {

        static ParkedRow from(Row row) {
            return new ParkedRow(row.getUUID("id"), row.getString("topic"), row.getString("aggregate_id"),
                    row.getString("event_type"), row.getInteger("attempts"), row.getString("last_error"),
                    row.getOffsetDateTime("created_at"), row.getOffsetDateTime("parked_at"));
        }
    }

    private static final Logger LOG = Logger.getLogger(ParkedRows.class);

    private final Pool pool;

    ParkedRows(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ParkedRow>> list(int limit) {
        return pool.preparedQuery("""
                        select id, topic, aggregate_id, event_type, attempts, last_error, created_at, parked_at
                          from outbox_message where parked_at is not null and sent_at is null order by seq limit $1""")
                .execute(Tuple.of(limit))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(ParkedRow::from).toList());
    }

    /** @param ids the rows to requeue; empty for every parked row */
    public Uni<Long> requeue(List<UUID> ids) {
        String which = ids.isEmpty() ? "" : " and id = any($1)";
        Tuple args = ids.isEmpty() ? Tuple.tuple() : Tuple.of(ids.toArray(UUID[]::new));
        return pool.preparedQuery("update outbox_message set parked_at = null, next_attempt_at = null, attempts = 0"
                        + " where parked_at is not null and sent_at is null" + which)
                .execute(args)
                .map(rows -> (long) rows.rowCount())
                .invoke(n -> LOG.infof("Requeued %d parked outbox rows", n));
    }
}
