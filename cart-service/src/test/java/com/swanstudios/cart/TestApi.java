package com.swanstudios.cart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import com.swanstudios.platform.infra.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Calls to cart-service as a signed-in user would make them, and what its answers must look like. */
public final class TestApi {

    private TestApi() {
    }

    public static RequestSpecification as(UUID user) {
        return as(user, "user");
    }

    public static RequestSpecification as(UUID user, String role) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TestTokens.forUser(user, role));
    }

    public static String item(UUID packageId, int quantity) {
        return "{\"packageId\":\"" + packageId + "\",\"quantity\":" + quantity + "}";
    }

    /** {@code n} calls at once, released together; their answers. */
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

    public static void problem(Response response, int status, String slug) {
        response.then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("type", startsWith("https://swanstudios.dev/problems/" + slug));
    }
}
