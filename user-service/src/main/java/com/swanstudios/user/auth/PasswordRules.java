package com.swanstudios.user.auth;

import com.swanstudios.platform.kit.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (ASVS 2.1): 12 to 128 characters, counted as Unicode code points, in any script
 * (Argon2 has no byte limit), and not one of the most common passwords seen in breaches
 * ({@value #COMMON_PASSWORDS}, compared ignoring case). No composition rules: length is what makes a password
 * hard to guess.
 */
@ApplicationScoped
public class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** A bound on what a request may carry in UTF-16 units (128 code points outside the BMP are 256). */
    public static final int MAX_UTF16 = 2 * MAX_LENGTH;
    static final String COMMON_PASSWORDS = "passwords/common-passwords.txt";

    private final Set<String> common = load();

    /** Refuses an unfit new password with a 400 naming {@code field}. */
    public void check(String field, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw DomainException.invalidField(field, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            throw DomainException.invalidField(field, "is one of the passwords most often seen in breaches; choose another");
        }
    }

    private static Set<String> load() {
        InputStream in = PasswordRules.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
        if (in == null) {
            throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the classpath");
        }
        Set<String> passwords = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
