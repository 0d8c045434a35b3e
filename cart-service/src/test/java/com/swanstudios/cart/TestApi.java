package com.swanstudios.cart;

import static io.restassured.RestAssured.given;

import com.swanstudios.platform.infra.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Calls to cart-service as a signed-in user would make them. */
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
}
