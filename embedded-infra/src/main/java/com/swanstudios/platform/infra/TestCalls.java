package com.swanstudios.platform.infra;

import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** How a service's tests call it: many callers at once, and what an error answer must look like. */
public final class TestCalls {

    /** Where every problem type of the platform lives; a problem's {@code type} is this plus its slug. */
    public static final String PROBLEM_TYPES = "https://swanstudios.dev/problems/";

    private TestCalls() {
    }

    /** {@code n} calls at once (released together by one latch); their results in the order they were started. */
    public static <T> List<T> concurrently(int n, Supplier<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return call.get();
                }, pool));
            }
            start.countDown();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The answer is an RFC 9457 problem of this status whose type ends in {@code slug}. */
    public static void problem(Response response, int status, String slug) {
        response.then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("type", startsWith(PROBLEM_TYPES + slug));
    }
}
