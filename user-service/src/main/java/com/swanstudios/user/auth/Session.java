package com.swanstudios.user.auth;

import com.swanstudios.user.account.AccountViews;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What register, login and refresh answer: who you are and the two tokens. A sign-in that still owes a second
 * factor answers only {@code mfaRequired: true} and the {@code mfaToken} to finish it with
 * ({@code POST /api/auth/login/mfa}); a staff account without a second factor gets a limited access token
 * ({@code mfaEnrolmentRequired: true}) that can only enrol one.
 */
public record Session(
        @Schema(nullable = true, description = "You; null while a second factor is owed") AccountViews.Me user,
        @Schema(nullable = true, description = "For `Authorization: Bearer`; null while a second factor is owed") String accessToken,
        @Schema(nullable = true, description = "Single-use, for POST /api/auth/refresh; null while a second factor is owed") String refreshToken,
        @Schema(nullable = true, description = "Seconds the access token lives; or, while a second factor is owed, the mfaToken") Long expiresIn,
        @Schema(nullable = true, description = "`Bearer`; null while a second factor is owed") String tokenType,
        @Schema(description = "The password was right and a code is owed: send it with mfaToken to POST /api/auth/login/mfa")
        boolean mfaRequired,
        @Schema(nullable = true, description = "Finishes this sign-in with a code, within expiresIn seconds; null otherwise") String mfaToken,
        @Schema(description = "This staff account has no second factor yet: the access token can only enrol one "
                + "(POST /api/users/me/mfa/totp, then /confirm); refresh afterwards for a token with your role")
        boolean mfaEnrolmentRequired) {

    static Session of(AccountViews.Me user, String accessToken, String refreshToken, long expiresIn) {
        return new Session(user, accessToken, refreshToken, expiresIn, "Bearer", false, null, false);
    }

    static Session enrolmentOnly(AccountViews.Me user, String accessToken, String refreshToken, long expiresIn) {
        return new Session(user, accessToken, refreshToken, expiresIn, "Bearer", false, null, true);
    }

    static Session secondFactorOwed(String mfaToken, long expiresIn) {
        return new Session(null, null, null, expiresIn, null, true, mfaToken, false);
    }
}
