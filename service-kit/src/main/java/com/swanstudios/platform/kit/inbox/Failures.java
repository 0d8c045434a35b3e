package com.swanstudios.platform.kit.inbox;

import com.swanstudios.platform.kit.events.PoisonMessageException;
import com.swanstudios.platform.kit.problem.DatabaseErrors;
import java.util.Set;

/**
 * The two failure classes of consumption. Poison: no retry can ever succeed (the record is unreadable,
 * lacks what the consumer needs, the handler says so, or its data breaks a column's type or a CHECK);
 * it goes to the dead-letter topic at once. Everything else (database down, pool exhausted, lock or
 * statement timeout, lost race, a bug that a deployment will fix) is transient: retried without limit.
 */
final class Failures {

    /** SQL states a retry cannot change: data exceptions (22...), NOT NULL and CHECK violations. */
    private static final Set<String> DETERMINISTIC_STATES = Set.of("23502", "23514");

    private Failures() {
    }

    static boolean poison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonMessageException) {
                return true;
            }
        }
        return DatabaseErrors.sqlState(failure)
                .map(state -> state.startsWith("22") || DETERMINISTIC_STATES.contains(state))
                .orElse(false);
    }

    static boolean transientFailure(Throwable failure) {
        return !poison(failure);
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? top : top + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
