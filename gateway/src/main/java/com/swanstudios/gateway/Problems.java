package com.swanstudios.gateway;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** The gateway's own answers are RFC 9457 problem+json, shaped like every service's. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://swanstudios.dev/problems/";

    private Problems() {
    }

    static String json(int status, String slug, String title, String detail, String instance) {
        return new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance)
                .encode();
    }

    static void send(HttpServerResponse response, int status, String slug, String title, String detail) {
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE)
                .end(json(status, slug, title, detail, null));
    }

    static String reason(int status) {
        return switch (status) {
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Bad Gateway";
        };
    }

    static String slug(int status) {
        return switch (status) {
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> "bad-gateway";
        };
    }
}
