package com.swanstudios.platform.contract;

import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Turns the contract check on for every {@code @QuarkusTest} of a module that has this on its test classpath
 * (every service, through service-parent): registered as a Quarkus test callback, it adds
 * {@link ContractFilter} to RestAssured's global filters and tells it, per test, whether requests are checked
 * too (they are, unless the test is {@link SendsInvalidRequests}).
 */
public class ContractValidation implements QuarkusTestBeforeEachCallback, QuarkusTestAfterEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(ContractFilter.class::isInstance)) {
            RestAssured.filters(new ContractFilter());
        }
        ContractFilter.checkRequests(!sendsInvalidRequests(context));
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        ContractFilter.checkRequests(true);
    }

    private static boolean sendsInvalidRequests(QuarkusTestMethodContext context) {
        return context.getTestMethod().isAnnotationPresent(SendsInvalidRequests.class)
                || context.getTestInstance().getClass().isAnnotationPresent(SendsInvalidRequests.class);
    }
}
