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
import jakarta.persistence.LockModeType;
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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The keys that sign access tokens, kept in this service's database. Rotation is publish-then-use: the new
 * key is in the JWKS at once but signs only after {@code swan.auth.key-activation-delay}, by which time
 * every verifier can have fetched it (they refresh on an unknown key id at most once a minute). The key it
 * replaces retires at that moment and stays published until the last token it signed has expired.
 * <p>
 * The JWKS is read from the database on each request, so every replica publishes the same keys. Each
 * replica keeps the private keys in memory, reloaded every minute and after its own rotations; the key to
 * sign with is chosen at issue time, so all replicas switch at the same instant.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    /** A key this replica can sign with, from {@code activatesAt} on. */
    public record ActiveKey(String kid, PrivateKey privateKey, OffsetDateTime activatesAt) {
    }

    /** What a rotation did: which key signs next, and from when. */
    public record Rotation(String keyId, OffsetDateTime activatesAt) {
    }

    private final Duration publishRetiredFor;
    private final Duration activationDelay;
    private volatile List<ActiveKey> usable = List.of();
    private final KeyEncryption encryption;

    SigningKeys(KeyEncryption encryption, @ConfigProperty(name = "swan.auth.access-token-ttl") Duration accessTokenTtl,
            @ConfigProperty(name = "swan.auth.key-activation-delay") Duration activationDelay) {
        this.encryption = encryption;
        // a retired key verifies the tokens it signed until they expire, plus clock skew
        this.publishRetiredFor = accessTokenTtl.plusMinutes(5);
        this.activationDelay = activationDelay;
    }

    /**
     * Before any other start-up work, which may already issue tokens (the admin bootstrap). The very first
     * key signs at once: nothing has been issued yet that a verifier could have cached keys for.
     */
    void onStart(@Observes @Priority(1000) StartupEvent start) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> SigningKey.count("retiredAt is null")
                .chain(n -> n > 0 ? Uni.createFrom().voidItem() : generateAndStore(now()).replaceWithVoid())
                .chain(this::encryptStoredPlaintext))
                .chain(this::reload));
    }

    /** Keys stored before they were encrypted at rest are encrypted now, in the start-up transaction. */
    private Uni<Void> encryptStoredPlaintext() {
        return SigningKey.<SigningKey>find("privateKey not like ?1", KeyEncryption.PREFIX + "%").list()
                .invoke(keys -> keys.forEach(k -> k.privateKey = encryption.encrypt(k.kid, Base64.getDecoder().decode(k.privateKey))))
                .replaceWithVoid();
    }

    /** The newest key whose activation time has come. */
    public ActiveKey active() {
        OffsetDateTime now = now();
        return usable.stream().filter(k -> !k.activatesAt().isAfter(now)).max(Comparator.comparing(ActiveKey::activatesAt))
                .orElseThrow(() -> new IllegalStateException("no signing key is active"));
    }

    /** The public keys of every key that signs, will sign, or signed tokens that may not have expired yet. */
    public Uni<String> jwks() {
        return Panache.withSession(() -> SigningKey.<SigningKey>list("retiredAt is null or retiredAt > ?1 order by activatesAt desc",
                        now().minus(publishRetiredFor)))
                .map(keys -> keys.stream().map(k -> k.publicJwk).collect(Collectors.joining(",", "{\"keys\":[", "]}")));
    }

    /** Adds a key that signs after the activation delay; the keys before it retire at that moment. */
    public Uni<Rotation> rotate() {
        OffsetDateTime activatesAt = now().plus(activationDelay);
        // the key pair is made before the transaction: key generation is slow and holds no lock
        return Blocking.call(SigningKeys::generate).chain(pair -> Panache.withTransaction(() -> SigningKey
                        // two rotations at once queue up here; the second then retires the first one's key too
                        .<SigningKey>find("retiredAt is null").withLock(LockModeType.PESSIMISTIC_WRITE).list()
                        .chain(() -> SigningKey.update("retiredAt = ?1 where retiredAt is null", activatesAt))
                        .chain(() -> store(pair, activatesAt))))
                .call(this::reload)
                .map(kid -> new Rotation(kid, activatesAt))
                .invoke(rotation -> LOG.infof("Signing key %s published; it signs from %s", rotation.keyId(), rotation.activatesAt()));
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reload() {
        return Panache.withSession(() -> SigningKey.<SigningKey>list("retiredAt is null or retiredAt > ?1", now()))
                .invoke(keys -> {
                    if (keys.isEmpty()) {
                        throw new IllegalStateException("no signing key in the database");
                    }
                    usable = keys.stream().map(k -> new ActiveKey(k.kid, privateKey(encryption.decrypt(k.kid, k.privateKey)),
                            k.activatesAt)).toList();
                })
                .replaceWithVoid();
    }

    private Uni<String> generateAndStore(OffsetDateTime activatesAt) {
        return Blocking.call(SigningKeys::generate).chain(pair -> store(pair, activatesAt));
    }

    private Uni<String> store(KeyPair pair, OffsetDateTime activatesAt) {
        SigningKey key = new SigningKey();
        key.kid = "k-" + OffsetDateTime.now(ZoneOffset.UTC).toEpochSecond() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        key.privateKey = encryption.encrypt(key.kid, pair.getPrivate().getEncoded());
        key.publicJwk = jwk(key.kid, (RSAPublicKey) pair.getPublic());
        key.createdAt = now();
        key.activatesAt = activatesAt;
        return key.persist().replaceWith(key.kid);
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

    private static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
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
