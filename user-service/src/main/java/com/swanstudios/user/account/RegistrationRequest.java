package com.swanstudios.user.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Sign-up. The password limit is bcrypt's: it reads at most 72 bytes. */
public record RegistrationRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 8, max = 72, message = "must be 8 to 72 characters") String password,
        @NotBlank @Pattern(regexp = USERNAME, message = "3-30 letters, digits, '_' or '.'") String username,
        @NotBlank @Size(max = 60) String displayName) {

    public static final String USERNAME = "^[A-Za-z0-9_.]{3,30}$";
}
