package com.swanstudios.user.token;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys every service verifies access tokens with. */
@Path("/.well-known/jwks.json")
@Tag(name = "Token keys", description = "The public keys that verify access tokens")
public class JwksResource {

    /** The document's shape (RFC 7517), for clients; the service writes the set itself. */
    @Schema(name = "JsonWebKeySet", description = "RFC 7517 JWK Set: the RSA public keys (RS256) that verify access tokens")
    record KeySet(@Schema(description = "Each key: kty, kid, use, alg, n, e") List<Map<String, String>> keys) {
    }

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @PermitAll
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getSigningKeys", summary = "The token verification keys (JWKS)",
            description = "Cache for at most a minute: a rotated key appears here before it signs.")
    @APIResponse(responseCode = "200", description = "The key set", content = {
            @Content(mediaType = "application/jwk-set+json", schema = @Schema(implementation = KeySet.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeySet.class))})
    @APIResponse(responseCode = "406", description = "The Accept header names neither media type")
    public Uni<Response> jwks() {
        return keys.jwks().map(jwks -> Response.ok(jwks).cacheControl(CacheControl.valueOf("public, max-age=60")).build());
    }
}
