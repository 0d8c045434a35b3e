package com.swanstudios.social;

import com.swanstudios.platform.infra.PlatformTestResource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A look at social-service's database from the side, as an operator would. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The first row's columns joined with '|' ("null" for SQL NULL), or "absent". */
    public static String row(String sql) {
        try (Connection c = PlatformTestResource.postgres().superuserConnection(PlatformTestResource.DATABASE.database());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return "absent";
            }
            StringBuilder out = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs a statement the schema must refuse; the database's reason (SQL state and message), or "accepted". */
    public static String refusal(String sql) {
        try (Connection c = PlatformTestResource.postgres().superuserConnection(PlatformTestResource.DATABASE.database());
                Statement st = c.createStatement()) {
            st.execute(sql);
            return "accepted";
        } catch (SQLException e) {
            return e.getSQLState() + " " + e.getMessage();
        }
    }

    public static long count(String sql) {
        return Long.parseLong(row(sql));
    }

    /** How many posts this user has. */
    public static long posts(java.util.UUID author) {
        return count("select count(*) from post where author_id = '" + author + "'");
    }
}
