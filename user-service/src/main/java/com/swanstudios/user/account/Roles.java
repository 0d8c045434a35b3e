package com.swanstudios.user.account;

import java.util.List;
import java.util.Set;

/** {@code user} signed up, {@code client} has bought training, {@code trainer}, {@code admin}. */
public final class Roles {

    public static final String USER = "user";
    public static final String CLIENT = "client";
    public static final String TRAINER = "trainer";
    public static final String ADMIN = "admin";
    public static final Set<String> ALL = Set.of(USER, CLIENT, TRAINER, ADMIN);
    private static final List<String> BY_PRIVILEGE = List.of(USER, CLIENT, TRAINER, ADMIN);

    /**
     * Whether going from one role to another takes privileges away, so tokens that carry the old role must
     * stop working at once. A promotion does not: the old token only carries less.
     */
    public static boolean isDemotion(String from, String to) {
        return BY_PRIVILEGE.indexOf(to) < BY_PRIVILEGE.indexOf(from);
    }

    /** Staff sign in with a second factor (TOTP); their role takes effect once they have one. */
    public static boolean isStaff(String role) {
        return TRAINER.equals(role) || ADMIN.equals(role);
    }

    private Roles() {
    }
}
