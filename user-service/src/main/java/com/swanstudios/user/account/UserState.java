package com.swanstudios.user.account;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of every {@code identity.user.v1} event: the user's full current public state (no email, no
 * credentials), with the version consumers use to ignore stale updates. Schema:
 * {@code contracts/identity.user.v1.schema.json}.
 */
public record UserState(UUID id, String username, String displayName, String avatarUrl, String role, String status,
        String profileVisibility, boolean discoverable, boolean emailVerified, Instant tokensValidAfter, long version) {

    static UserState of(UserAccount account) {
        return new UserState(account.id, account.username, account.displayName, account.avatarUrl, account.role,
                account.status, account.profileVisibility, account.discoverable, account.emailVerifiedAt != null,
                account.tokensValidAfter == null ? null : account.tokensValidAfter.toInstant(), account.version);
    }
}
