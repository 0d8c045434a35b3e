package com.swanstudios.user.account;

import com.swanstudios.user.auth.PasswordRules;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Sign-up. The password's rules (length in characters, not a breached one) are PasswordRules'. */
public record RegistrationRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_UTF16, message = "must be 12 to 128 characters") String password,
        @NotBlank @Pattern(regexp = USERNAME, message = "3-30 letters, digits, '_' or '.'") String username,
        @NotBlank @Size(max = 60) String displayName) {

    public static final String USERNAME = "^[A-Za-z0-9_.]{3,30}$";
}
