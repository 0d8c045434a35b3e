package com.swanstudios.user.token;

import com.swanstudios.platform.kit.concurrency.Blocking;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The keys that sign access tokens, kept in this service's database. The newest unretired key signs;
 * rotation adds a new key and retires the old one, which stays in the JWKS until every token it signed
 * has expired. Each replica reloads the keys every minute, so a rotation done on one reaches all.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    /** The key that signs now. */
    public record ActiveKey(String kid, PrivateKey privateKey) {
    }

    private final Duration publishRetiredFor;
    private volatile ActiveKey active;
    private volatile String jwks = "{\"keys\":[]}";

    SigningKeys(@ConfigProperty(name = "swan.auth.access-token-ttl") Duration accessTokenTtl) {
        // a retired key verifies the tokens it signed until they expire, plus clock skew
        this.publishRetiredFor = accessTokenTtl.plusMinutes(5);
    }

    /** Before any other start-up work, which may already issue tokens (the admin bootstrap). */
    void onStart(@Observes @Priority(1000) StartupEvent start) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> SigningKey.count("retiredAt is null")
                .chain(n -> n > 0 ? Uni.createFrom().voidItem() : generateAndStore().replaceWithVoid()))
                .chain(this::reload));
    }

    public ActiveKey active() {
        return active;
    }

    public String jwks() {
        return jwks;
    }

    /** Adds a new signing key and retires the others; tokens they signed stay valid until they expire. */
    public Uni<String> rotate() {
        return Panache.withTransaction(() -> SigningKey.update("retiredAt = ?1 where retiredAt is null", now())
                        .chain(this::generateAndStore))
                .call(this::reload)
                .invoke(kid -> LOG.infof("Signing key rotated: %s now signs", kid));
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reload() {
        return Panache.withSession(() -> SigningKey.<SigningKey>list("retiredAt is null or retiredAt > ?1 order by createdAt desc",
                        now().minus(publishRetiredFor)))
                .invoke(keys -> {
                    SigningKey newest = keys.stream().filter(k -> k.retiredAt == null).findFirst()
                            .orElseThrow(() -> new IllegalStateException("no active signing key"));
                    active = new ActiveKey(newest.kid, privateKey(newest.privateKey));
                    jwks = keys.stream().map(k -> k.publicJwk).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
                })
                .replaceWithVoid();
    }

    private Uni<String> generateAndStore() {
        return Blocking.call(SigningKeys::generate).chain(pair -> {
            SigningKey key = new SigningKey();
            key.kid = "k-" + OffsetDateTime.now(ZoneOffset.UTC).toEpochSecond() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
            key.privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
            key.publicJwk = jwk(key.kid, (RSAPublicKey) pair.getPublic());
            key.createdAt = now();
            return key.persist().replaceWith(key.kid);
        });
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(String pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored signing key is unreadable", e);
        }
    }

    private static String jwk(String kid, RSAPublicKey key) {
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\"" + base64Url(key.getModulus())
                + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

}
