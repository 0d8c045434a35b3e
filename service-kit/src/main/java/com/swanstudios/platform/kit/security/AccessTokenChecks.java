package com.swanstudios.platform.kit.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the kit checks of a token after smallrye-jwt has verified its signature, issuer, audience and
 * lifetime: that it is typed as an access token, and that no revocation voided it since it was issued.
 * In memory, no database or user-service call per request.
 */
@ApplicationScoped
public class AccessTokenChecks implements SecurityIdentityAugmentor {

    private final TokenRevocations revocations;
    private final ObjectMapper json;

    AccessTokenChecks(TokenRevocations revocations, ObjectMapper json) {
        this.revocations = revocations;
        this.json = json;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (!AccessTokenClaims.TYPE.equals(type(token.getRawToken()))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token is not typed " + AccessTokenClaims.TYPE));
        }
        UUID subject;
        try {
            subject = UUID.fromString(token.getSubject());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token's subject is not a user id"));
        }
        if (revocations.revoked(subject, token.getIssuedAtTime())) {
            return Uni.createFrom().failure(TokenRevokedException.failure());
        }
        return Uni.createFrom().item(identity);
    }

    /** The {@code typ} of the (already verified) token's header. */
    private String type(String rawToken) {
        int dot = rawToken == null ? -1 : rawToken.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            JsonNode header = json.readTree(Base64.getUrlDecoder().decode(rawToken.substring(0, dot)));
            return header.path("typ").asText(null);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
