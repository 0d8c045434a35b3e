package com.swanstudios.user.mfa;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 codes as every authenticator app makes them by default: HMAC-SHA1, 6 digits, 30-second steps, a
 * 160-bit secret (RFC 4226's recommendation) shown in Base32. The codes come from java-otp; this class only
 * decides which steps are acceptable: the current one and one either side (clocks drift, people type slowly),
 * and never one at or before the step last accepted, so a code works once (ASVS 2.8.4).
 */
public final class Totp {

    public static final Duration STEP = TimeBasedOneTimePasswordGenerator.DEFAULT_TIME_STEP;
    public static final int DIGITS = 6;
    static final String ISSUER = "SwanStudios";
    private static final int DRIFT_STEPS = 1;
    private static final int SECRET_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS,
            TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    private Totp() {
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** Base32 without padding, as authenticator apps take it. */
    public static String toBase32(byte[] secret) {
        return new Base32().encodeToString(secret).replace("=", "");
    }

    /** A Base32 secret (any case, spaces allowed), or null when it is not one of at least 128 bits. */
    public static byte[] fromBase32(String text) {
        String clean = text == null ? "" : text.replace(" ", "").toUpperCase(Locale.ROOT);
        Base32 base32 = new Base32();
        if (clean.isEmpty() || !clean.chars().allMatch(c -> base32.isInAlphabet((byte) c))) {
            return null;
        }
        byte[] secret = base32.decode(clean);
        return secret.length >= 16 ? secret : null;
    }

    /** The key-uri an authenticator app reads (as a QR code or pasted), labelled with the account's address. */
    public static String uri(String accountName, byte[] secret) {
        String label = encode(ISSUER) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + toBase32(secret) + "&issuer=" + encode(ISSUER)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    public static long step(Instant at) {
        return at.getEpochSecond() / STEP.toSeconds();
    }

    /** The code of one step. */
    public static String code(byte[] secret, long step) {
        try {
            return GENERATOR.generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"),
                    Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The step a code belongs to, if it is one of the acceptable steps around {@code now} after {@code lastUsedStep}. */
    public static OptionalLong matchingStep(byte[] secret, String code, long lastUsedStep, Instant now) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long current = step(now);
        byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
        OptionalLong found = OptionalLong.empty();
        // every step is computed and compared in constant time, so timing tells nothing about which one matched
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            boolean same = MessageDigest.isEqual(typed, code(secret, step).getBytes(StandardCharsets.US_ASCII));
            if (same && step > lastUsedStep && found.isEmpty()) {
                found = OptionalLong.of(step);
            }
        }
        return found;
    }

    /** Whether the text is shaped like a TOTP code (and so is not a recovery code). */
    public static boolean looksLikeCode(String text) {
        return text != null && text.strip().length() == DIGITS && text.strip().chars().allMatch(Character::isDigit);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
