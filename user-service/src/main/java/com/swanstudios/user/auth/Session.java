package com.swanstudios.user.auth;

import com.swanstudios.user.account.AccountViews;

/** What register, login and refresh answer: who you are and the two tokens. */
public record Session(AccountViews.Me user, String accessToken, String refreshToken, long expiresIn, String tokenType) {

    static Session of(AccountViews.Me user, String accessToken, String refreshToken, long expiresIn) {
        return new Session(user, accessToken, refreshToken, expiresIn, "Bearer");
    }
}
