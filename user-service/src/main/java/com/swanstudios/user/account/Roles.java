package com.swanstudios.user.account;

import java.util.Set;

/** {@code user} signed up, {@code client} has bought training, {@code trainer}, {@code admin}. */
public final class Roles {

    public static final String USER = "user";
    public static final String CLIENT = "client";
    public static final String TRAINER = "trainer";
    public static final String ADMIN = "admin";
    public static final Set<String> ALL = Set.of(USER, CLIENT, TRAINER, ADMIN);

    private Roles() {
    }
}
