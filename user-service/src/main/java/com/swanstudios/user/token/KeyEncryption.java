package com.swanstudios.user.token;

import com.swanstudios.platform.kit.security.ProductionGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing keys and TOTP secrets are stored encrypted (AES-256-GCM, the JDK's) under a key-encryption key from
 * configuration ({@code SIGNING_KEY_ENCRYPTION_KEY}, 32 bytes in base64, from a Secret), so a database dump or
 * backup alone cannot mint tokens or codes. Each ciphertext is bound to what it belongs to (the key id, or the
 * account of a TOTP secret) as GCM's associated data: swapping rows between owners fails to decrypt. Stored as {@value #PREFIX} + base64(12-byte nonce, ciphertext and tag). The local
 * stack's documented default is refused in production mode outside the local stack.
 */
@ApplicationScoped
public class KeyEncryption {

    static final String PREFIX = "v1:";
    /** For the local stack and tests only; a deployment sets its own. */
    static final String LOCAL_DEFAULT = "bG9jYWwtb25seS1zaWduaW5nLWtleS1lbmNyeXB0aW8=";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    KeyEncryption(@ConfigProperty(name = "swan.auth.key-encryption-key") String base64Key,
            @ConfigProperty(name = "swan.local-stack", defaultValue = "false") boolean localStack) {
        if (LOCAL_DEFAULT.equals(base64Key) && ProductionGuard.refusesLocalDefaults(localStack)) {
            throw new IllegalStateException("Refusing to start: SIGNING_KEY_ENCRYPTION_KEY is the local stack's default;"
                    + " set 32 random bytes in base64 from a Secret (e.g. openssl rand -base64 32)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SIGNING_KEY_ENCRYPTION_KEY is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("SIGNING_KEY_ENCRYPTION_KEY must be 32 bytes (AES-256), not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String encrypt(String owner, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a stored value is still the plaintext kept before encryption (it is re-encrypted at start). */
    public static boolean encrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    public byte[] decrypt(String owner, String stored) {
        if (!encrypted(stored)) {
            return Base64.getDecoder().decode(stored);
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The secret of " + owner + " cannot be decrypted: is SIGNING_KEY_ENCRYPTION_KEY the one it was stored with?", e);
        }
    }
}
