package com.swanstudios.platform.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives a service its own login role and a database owned by it, once: run again it changes nothing, so a
 * persistent local stack (embedded or an external PostgreSQL) can call it on every start.
 */
public final class DatabaseProvisioner {

    private DatabaseProvisioner() {
    }

    /** @param admin a connection as a role allowed to create roles and databases */
    public static void ensure(Connection admin, DatabaseAccount account) throws SQLException {
        if (!exists(admin, "select 1 from pg_roles where rolname = ?", account.role())) {
            try (Statement st = admin.createStatement()) {
                st.execute("create role " + identifier(account.role()) + " login password " + literal(account.password()));
            }
        }
        if (!exists(admin, "select 1 from pg_database where datname = ?", account.database())) {
            try (Statement st = admin.createStatement()) {
                st.execute("create database " + identifier(account.database()) + " owner " + identifier(account.role()));
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain lower snake_case identifier: " + name);
        }
        return name;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
