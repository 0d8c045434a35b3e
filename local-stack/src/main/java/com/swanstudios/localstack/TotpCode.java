package com.swanstudios.localstack;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * The current TOTP code of a Base32 secret (RFC 6238: SHA-1, 6 digits, 30 s), as an authenticator app shows it:
 * {@code ./run.sh totp} prints the local admin's.
 */
public final class TotpCode {

    private TotpCode() {
    }

    public static String at(String base32Secret, Instant when) {
        byte[] secret = new Base32().decode(base32Secret.replace(" ", "").toUpperCase(Locale.ROOT));
        try {
            return new TimeBasedOneTimePasswordGenerator()
                    .generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), when, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("Not a TOTP secret: " + e.getMessage(), e);
        }
    }

    /** Prints the current code, and how long it stays current. */
    static void print(String base32Secret) {
        Instant now = Instant.now();
        long left = 30 - now.getEpochSecond() % 30;
        System.out.println(at(base32Secret, now) + "   (valid for " + left + " s more)");
    }
}
