package com.swanstudios.storefront.catalog;

import static com.swanstudios.storefront.catalog.CatalogApi.PACKAGES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import com.swanstudios.platform.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogReadTest {

    @Test
    void theStarterCatalogIsListedInDisplayOrderWithCachingHeaders() {
        Response response = given().when().get(PACKAGES + "?limit=100").then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age"))
                .body("items.name", hasItems("Single Session", "Silver Package", "Gold Package", "3-Month Program",
                        "6-Month Transformation"))
                .extract().response();
        List<Integer> orders = response.path("items.displayOrder");
        assertThat(orders).isSorted();
        assertThat(response.<List<Boolean>>path("items.active")).containsOnly(true);

        Integer monthlyTotal = response.path("items.find { it.name == '6-Month Transformation' }.totalSessions");
        assertThat(monthlyTotal).isEqualTo(6 * 3 * 4);

        given().header("If-None-Match", response.header("ETag")).when().get(PACKAGES + "?limit=100")
                .then().statusCode(304).header("ETag", response.header("ETag")).header("Cache-Control", containsString("public"));
        given().header("If-None-Match", "W/\"stale\", " + response.header("ETag")).when().get(PACKAGES + "?limit=100")
                .then().statusCode(304);
        given().header("If-None-Match", "*").when().get(PACKAGES + "?limit=100").then().statusCode(304);
        given().header("If-None-Match", "W/\"stale\"").when().get(PACKAGES + "?limit=100").then().statusCode(200);
    }

    @Test
    void pagesFollowTheCursorWithoutOverlap() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = given().queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get(PACKAGES).then().statusCode(200).extract().response();
            List<String> ids = page.path("items.id");
            assertThat(ids).hasSizeLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(seen).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(5);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    @SendsInvalidRequests("limits out of range and a forged cursor")
    void badListingParametersAreNamed() {
        given().queryParam("cursor", "not-a-cursor").when().get(PACKAGES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("cursor"));
        given().queryParam("limit", 0).when().get(PACKAGES).then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("limit", 101).when().get(PACKAGES).then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("includeInactive", true).when().get(PACKAGES).then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + CatalogApi.CLIENT).queryParam("includeInactive", true)
                .when().get(PACKAGES).then().statusCode(403).contentType("application/problem+json");
        CatalogApi.asAdmin().queryParam("includeInactive", true).when().get(PACKAGES).then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"));
    }

    @Test
    void onePackageHasItsVersionAsETag() {
        String id = given().when().get(PACKAGES).then().statusCode(200).extract().path("items[0].id");
        Response one = given().when().get(PACKAGES + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).extract().response();
        assertThat(one.header("ETag")).isEqualTo("\"" + one.path("version") + "\"");
        // weak comparison: a proxy may have weakened the tag
        given().header("If-None-Match", "W/" + one.header("ETag")).when().get(PACKAGES + "/" + id).then().statusCode(304)
                .header("ETag", one.header("ETag"));
        given().header("If-None-Match", "\"" + (one.<Integer>path("version") + 1) + "\"").when().get(PACKAGES + "/" + id)
                .then().statusCode(200);
        given().when().get(PACKAGES + "/019a0000-0000-7000-8000-00000000ffff").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
