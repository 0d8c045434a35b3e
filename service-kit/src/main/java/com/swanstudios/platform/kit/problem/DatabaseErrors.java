package com.swanstudios.platform.kit.problem;

import io.vertx.pgclient.PgException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.JDBCException;

/**
 * The database is the last guard of every rule (unique keys, CHECK constraints). When a request slips past
 * validation and hits one, the client gets a 4xx naming the constraint, not a 500; nothing was written,
 * because the transaction rolled back.
 */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /** Whether a unique key refused the change (SQL state 23505), however deep in the cause chain. */
    public static boolean isUniqueViolation(Throwable e) {
        return violation(e).map(v -> "23505".equals(v.sqlState())).orElse(false);
    }

    /** The SQL state of the statement that failed, however deep in the cause chain, if a statement failed. */
    public static Optional<String> sqlState(Throwable e) {
        return violation(e).map(Violation::sqlState);
    }

    /** The constraint that refused the statement, however deep in the cause chain, if the database named one. */
    public static Optional<String> constraint(Throwable e) {
        return violation(e).map(Violation::constraint);
    }

    private static final Pattern CONSTRAINT_IN_MESSAGE = Pattern.compile("violates [a-z ]*constraint \"([^\"]+)\"");

    private record Violation(String sqlState, String constraint) {
    }

    static Optional<Problem> toProblem(Throwable e, String instance) {
        return violation(e).flatMap(v -> {
            String constraint = v.constraint() == null ? "a data rule" : "constraint " + v.constraint();
            return switch (v.sqlState() == null ? "" : v.sqlState()) {
                case "23505", "23P01" -> Optional.of(Problem.of(409, "conflict", "Conflict",
                        "The change conflicts with existing data (" + constraint + ")", instance));
                case "23514", "23502", "23503", "22001", "22003" -> Optional.of(Problem.of(422, "rule-violated",
                        "Unprocessable Content", "The change breaks " + constraint, instance));
                // text the database cannot hold (a NUL byte, a character its encoding lacks) sent where no
                // validation looked: refused as the client's mistake, nothing written
                case "22021", "22P05" -> Optional.of(Problem.of(400, "unstorable-text", "Bad Request",
                        "The request holds text that cannot be stored (for example a NUL character)", instance));
                default -> Optional.empty();
            };
        });
    }

    /**
     * Hibernate Reactive reports a failed statement as a suppressed or wrapped JDBCException, or a raw PgException;
     * the first report that names the constraint wins (Hibernate cannot name some, an exclusion constraint's for one),
     * else the first report.
     */
    private static Optional<Violation> violation(Throwable e) {
        Violation first = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            List<Throwable> reports = new ArrayList<>();
            reports.add(t);
            reports.addAll(List.of(t.getSuppressed()));
            for (Throwable report : reports) {
                Violation found = direct(report).orElse(null);
                if (found != null && found.constraint() != null) {
                    return Optional.of(found);
                }
                first = first == null ? found : first;
            }
        }
        return Optional.ofNullable(first);
    }

    /** The constraint PostgreSQL's message names ({@code violates exclusion constraint "x"}), where nothing else does. */
    private static String named(String message) {
        Matcher named = message == null ? null : CONSTRAINT_IN_MESSAGE.matcher(message);
        return named != null && named.find() ? named.group(1) : null;
    }

    private static Optional<Violation> direct(Throwable t) {
        if (t instanceof PgException pg) {
            return Optional.of(new Violation(pg.getSqlState(), pg.getConstraint()));
        }
        if (t instanceof org.hibernate.exception.ConstraintViolationException cv) {
            return Optional.of(new Violation(cv.getSQLState(), cv.getConstraintName() != null ? cv.getConstraintName()
                    : named(cv.getMessage())));
        }
        if (t instanceof JDBCException jdbc) {
            return Optional.of(new Violation(jdbc.getSQLState(), named(jdbc.getMessage())));
        }
        return Optional.empty();
    }
}
