package com.swanstudios.platform.kit.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * Row-returning SQL ({@code select}, or {@code insert/update … returning}) in the current Hibernate Reactive
 * session's transaction, with PostgreSQL's {@code $1, $2, …} parameters.
 * <p>
 * Why not {@code session.createNativeQuery(sql).getResultList()}: Hibernate ORM 7.2 caches a native select's plan
 * under a key whose result mapping never equals the next call's, so every call misses the query-plan cache and adds
 * an entry with the same hash; once the cache holds its 2,048 entries, every lookup compares against all of those of
 * its SQL (measured in cart-service under the checkout benchmark: 2,044 cached plans of a handful of statements, about
 * a tenth of its CPU in the lookups). Statements that return only a count ({@code executeUpdate}) are cached
 * correctly and stay on Hibernate's API. Like a native query, this flushes the session first, so the statement sees
 * the transaction's pending entity changes.
 */
public final class NativeRows {

    private NativeRows() {
    }

    /** Every row the statement returns, each as its columns in order. */
    public static Uni<List<Object[]>> list(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> session.flush().chain(() -> Uni.createFrom()
                .completionStage(() -> connection(session).select(sql, parameters))
                .map(NativeRows::rows)));
    }

    /** The statement's one row: fails when it returns none or several. */
    public static Uni<Object[]> one(String sql, Object... parameters) {
        return list(sql, parameters).map(rows -> {
            if (rows.size() != 1) {
                throw new IllegalStateException("Expected one row, got " + rows.size() + " from: " + sql);
            }
            return rows.get(0);
        });
    }

    /** The first column of the statement's one row. */
    @SuppressWarnings("unchecked")
    public static <T> Uni<T> value(String sql, Object... parameters) {
        return one(sql, parameters).map(row -> (T) row[0]);
    }

    private static ReactiveConnection connection(Mutiny.Session session) {
        // the session's own connection, in its transaction; kit tests fail if a Hibernate Reactive upgrade moves it
        return ((MutinySessionImpl) session).getReactiveConnection();
    }

    private static List<Object[]> rows(ReactiveConnection.Result result) {
        List<Object[]> rows = new ArrayList<>(result.size());
        result.forEachRemaining(rows::add);
        return rows;
    }
}
