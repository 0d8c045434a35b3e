package com.swanstudios.storefront.catalog;

import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * The storefront's pricing rules, checked before anything is written (the schema's CHECK constraints
 * repeat them as the last guard): which session fields each type takes, and the derived totals.
 */
final class PackageRules {

    static final long MIN_PRICE_PER_SESSION_CENTS = 14_000;
    static final int WEEKS_PER_MONTH = 4;

    private PackageRules() {
    }

    /** Applies the request to the package, deriving its totals; 400 naming every field that breaks a rule. */
    static void apply(PackageRequest request, TrainingPackage target) {
        List<FieldError> errors = new ArrayList<>();
        if (request.packageType() == PackageType.FIXED) {
            require(errors, "sessions", request.sessions(), "is required for a fixed package");
            forbid(errors, "months", request.months(), "applies to monthly packages only");
            forbid(errors, "sessionsPerWeek", request.sessionsPerWeek(), "applies to monthly packages only");
        } else {
            require(errors, "months", request.months(), "is required for a monthly package");
            require(errors, "sessionsPerWeek", request.sessionsPerWeek(), "is required for a monthly package");
            forbid(errors, "sessions", request.sessions(), "applies to fixed packages only; a monthly package has months and sessionsPerWeek");
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        target.name = request.name().strip();
        target.description = request.description() == null ? "" : request.description().strip();
        target.packageType = request.packageType();
        target.sessions = request.sessions();
        target.months = request.months();
        target.sessionsPerWeek = request.sessionsPerWeek();
        target.totalSessions = totalSessions(request);
        target.pricePerSessionCents = request.pricePerSessionCents();
        target.totalCostCents = Math.multiplyExact((long) target.totalSessions, request.pricePerSessionCents());
        target.currency = request.currency() == null ? "USD" : request.currency();
        target.displayOrder = request.displayOrder();
    }

    static int totalSessions(PackageRequest request) {
        return request.packageType() == PackageType.FIXED
                ? request.sessions()
                : request.months() * request.sessionsPerWeek() * WEEKS_PER_MONTH;
    }

    private static void require(List<FieldError> errors, String field, Object value, String message) {
        if (value == null) {
            errors.add(new FieldError(field, message));
        }
    }

    private static void forbid(List<FieldError> errors, String field, Object value, String message) {
        if (value != null) {
            errors.add(new FieldError(field, message));
        }
    }
}
