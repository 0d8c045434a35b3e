package com.swanstudios.user.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Bodies of the sign-in calls. Lengths are bounded so no one makes the service hash a megabyte. */
public final class AuthRequests {

    private AuthRequests() {
    }

    public record Login(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = PasswordRules.MAX_UTF16) String password) {
    }

    public record PasswordChange(@NotBlank @Size(max = PasswordRules.MAX_UTF16) String currentPassword,
            @NotBlank @Size(max = PasswordRules.MAX_UTF16) String newPassword) {
    }

    public record SecondFactor(@NotBlank @Size(max = 100) String mfaToken, @NotBlank @Size(max = 40) String code) {
    }

    public record SignInLink(@NotBlank @Size(max = 100) String token) {
    }

    public record Refresh(@NotBlank @Size(max = 100) String refreshToken) {
    }
}
