package com.swanstudios.user.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Ten single-use codes for when the authenticator is lost: 16 characters from a 32-letter alphabet without
 * look-alikes (80 random bits), shown as {@code XXXX-XXXX-XXXX-XXXX}, stored as SHA-256 over a random salt of
 * their own and the code (ASVS 2.6.2: codes under 112 bits are salted and hashed). Typed in any case, with
 * or without the dashes.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int n = 0; n < COUNT; n++) {
            StringBuilder code = new StringBuilder(LENGTH + 3);
            for (int i = 0; i < LENGTH; i++) {
                if (i > 0 && i % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    /** The hash a code is stored as; the same for any way of typing it. */
    static String hash(String salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HexFormat.of().parseHex(salt));
            return HexFormat.of().formatHex(sha.digest(normalize(code).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String salt, String hash, String code) {
        return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), hash(salt, code).getBytes(StandardCharsets.US_ASCII));
    }

    private static String normalize(String code) {
        StringBuilder clean = new StringBuilder(LENGTH);
        code.toUpperCase(Locale.ROOT).chars().filter(c -> c != '-' && !Character.isWhitespace(c))
                .forEach(c -> clean.append((char) c));
        return clean.toString();
    }
}
