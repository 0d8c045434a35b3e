package com.swanstudios.social.feed;

import com.swanstudios.platform.kit.outbox.OutboxListener;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Bounds the home feed table: each reader keeps their newest {@code social.feed.capacity} (800) entries, and the
 * newest post id cut is recorded as the reader's horizon (V8__feed_horizon.sql), below which FeedService reads the
 * posts themselves. So the table holds at most capacity × readers rows (plus what arrived since the last pass),
 * whatever the number of posts, and a page costs the same at 10k posts as at 1M.
 * <p>
 * Trimming is off the write path: fan-out stays one insert per reader, and a pass visits {@code
 * social.feed.trim-readers} (5,000) readers in id order every {@code social.feed.trim-interval} (1 min), resuming
 * where the last pass stopped, on the one replica that is the outbox housekeeper. A reader's feed may therefore
 * hold more than the capacity for a while (what arrived since their last visit); that costs space, not
 * correctness, since a page reads entries above the horizon and posts below it, and both are complete. A reader's
 * pass is one index range (the entry at offset capacity), so a pass of 5,000 readers reads about 4M index entries.
 * Trimming concurrently with writes is safe: fan-out adds entries newer than any cut, and an entry a backfill
 * adds below the horizon is ignored by reads and cut on the next pass.
 */
@ApplicationScoped
public class FeedTrimmer {

    private static final Logger LOG = Logger.getLogger(FeedTrimmer.class);
    private static final int BATCH = 500;
    /** One batch of readers after $1: their entries beyond the newest $3 cut, and the newest cut kept as horizon. */
    private static final String TRIM = """
            with readers as (
                select id from known_user where id > $1 order by id limit $2),
            cut as (
                select r.id as reader_id,
                       (select f.post_id from feed_entry f where f.reader_id = r.id
                        order by f.post_id desc offset $3 limit 1) as newest_cut
                from readers r),
            horizon as (
                insert into feed_horizon (reader_id, through_post_id)
                select reader_id, newest_cut from cut where newest_cut is not null
                on conflict (reader_id) do update
                    set through_post_id = greatest(feed_horizon.through_post_id, excluded.through_post_id)
                returning reader_id),
            trimmed as (
                delete from feed_entry f using cut
                where f.reader_id = cut.reader_id and f.post_id <= cut.newest_cut
                returning 1)
            select (select id from readers order by id desc limit 1) as last_reader,
                   (select count(*) from trimmed) as removed, (select count(*) from horizon) as cut_readers""";
    private static final UUID FIRST = new UUID(0, 0);

    private final Pool pool;
    private final OutboxListener listener;
    private final int capacity;
    private final int readersPerPass;
    /** Where the next pass starts: the last reader visited (this replica's; a new housekeeper starts over). */
    private volatile UUID resumeAfter = FIRST;

    FeedTrimmer(Pool pool, OutboxListener listener, @ConfigProperty(name = "social.feed.capacity", defaultValue = "800") int capacity,
            @ConfigProperty(name = "social.feed.trim-readers", defaultValue = "5000") int readersPerPass) {
        this.pool = pool;
        this.listener = listener;
        this.capacity = capacity;
        this.readersPerPass = readersPerPass;
    }

    @Scheduled(every = "${social.feed.trim-interval:1m}", delayed = "${social.feed.trim-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> pass() {
        if (!listener.housekeeper()) {
            return Uni.createFrom().voidItem();
        }
        return trim(resumeAfter, readersPerPass, capacity)
                .invoke(result -> {
                    resumeAfter = result.lastReader() == null ? FIRST : result.lastReader();
                    if (result.removed() > 0) {
                        LOG.infof("Feed trimming cut %d entries beyond the newest %d of %d readers", result.removed(),
                                capacity, result.cutReaders());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Feed trimming failed, the next pass retries: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Every reader's feed cut to its newest {@code keep} entries, from the first reader to the last. */
    public Uni<Trimmed> trimAll(int keep) {
        return trim(FIRST, Integer.MAX_VALUE, keep);
    }

    /** What a pass did: the last reader it visited (null when it reached the end), entries removed, readers cut. */
    public record Trimmed(UUID lastReader, long removed, long cutReaders) {
    }

    /** Up to {@code readers} readers after {@code after}, in batches; stops early at the last reader. */
    private Uni<Trimmed> trim(UUID after, int readers, int keep) {
        int batch = Math.min(BATCH, readers);
        return pool.preparedQuery(TRIM).execute(Tuple.of(after, batch, keep)).chain(rows -> {
            Row row = rows.iterator().next();
            UUID last = row.getUUID("last_reader");
            Trimmed done = new Trimmed(last, row.getLong("removed"), row.getLong("cut_readers"));
            if (last == null || readers - batch <= 0) {
                return Uni.createFrom().item(done);
            }
            return trim(last, readers - batch, keep).map(more -> new Trimmed(more.lastReader(), done.removed() + more.removed(),
                    done.cutReaders() + more.cutReaders()));
        });
    }
}
