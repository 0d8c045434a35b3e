package com.swanstudios.platform.kit.concurrency;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs CPU-heavy or blocking work (password hashing, key generation) on a worker thread and resumes on the
 * caller's Vert.x context, so the event loop never blocks and a reactive Hibernate session opened
 * afterwards is on the thread it expects.
 */
public final class Blocking {

    private Blocking() {
    }

    public static <T> Uni<T> call(Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> offloaded = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? offloaded : offloaded.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
