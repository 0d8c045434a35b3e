package com.swanstudios.platform.infra;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Access tokens for tests of services that verify tokens but do not issue them: an RSA key made once per
 * test JVM, published as a JWKS file the service under test reads, and RS256 tokens shaped like
 * user-service's ({@code typ} at+jwt, {@code iss}, {@code aud}, {@code sub} = user id, {@code groups} = role,
 * {@code jti}, {@code iat}).
 */
public final class TestTokens {

    public static final String ISSUER = "https://swanstudios.local";
    public static final String AUDIENCE = "swanstudios-api";
    private static final String KEY_ID = "test-key";
    private static KeyPair keys;
    private static Path jwks;

    private TestTokens() {
    }

    public static String forUser(UUID userId, String role) {
        return issue(userId, role, ISSUER, Duration.ofMinutes(15));
    }

    public static String issue(UUID userId, String role, String issuer, Duration lifetime) {
        return issue(userId, role, issuer, AUDIENCE, "at+jwt", Instant.now(), lifetime);
    }

    /** A token issued at {@code issuedAt}, or one with another audience or type (null leaves it out). */
    public static String issue(UUID userId, String role, String issuer, String audience, String type, Instant issuedAt,
            Duration lifetime) {
        var claims = Jwt.issuer(issuer)
                .subject(userId.toString())
                .groups(Set.of(role))
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime));
        if (audience != null) {
            claims.audience(audience);
        }
        var signer = claims.jws().keyId(KEY_ID);
        if (type != null) {
            signer.header("typ", type);
        }
        return signer.sign(keyPair().getPrivate());
    }

    /**
     * A limited token, as user-service issues to staff without a second factor: {@code scope} set, and the role
     * in {@code groups} anyway (user-service puts the scope there), to show that the scope alone refuses it.
     */
    public static String limited(UUID userId, String role, String scope) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(userId.toString()).groups(Set.of(role))
                .claim("jti", UUID.randomUUID().toString()).claim("scope", scope)
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(15)))
                .jws().keyId(KEY_ID).header("typ", "at+jwt").sign(keyPair().getPrivate());
    }

    /** The {@code file:} URL of the JWKS holding the public key, for {@code mp.jwt.verify.publickey.location}. */
    public static synchronized String jwksLocation() {
        if (jwks == null) {
            RSAPublicKey key = (RSAPublicKey) keyPair().getPublic();
            String json = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                    + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}";
            try {
                jwks = Files.createTempFile("test-jwks-", ".json");
                Files.writeString(jwks, json);
                jwks.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jwks.toUri().toString();
    }

    private static synchronized KeyPair keyPair() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
