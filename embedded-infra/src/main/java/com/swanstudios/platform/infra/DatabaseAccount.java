package com.swanstudios.platform.infra;

/** One service's own database and the role that owns it. */
public record DatabaseAccount(String database, String role, String password) {

    /** The local convention: database, role and password all named after the service's database. */
    public static DatabaseAccount local(String database) {
        return new DatabaseAccount(database, database, database);
    }
}
