package com.swanstudios.platform.infra;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database of the service under test ({@link PlatformTestResource#DATABASE}) seen from the side, as an operator
 * would see it: plain JDBC as the superuser, for tests that check what was (or was not) written.
 */
public final class TestSql {

    private TestSql() {
    }

    /** The first row's columns joined with '|' ("null" for SQL NULL), or "absent". */
    public static String row(String sql) {
        try (Connection c = connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
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

    /** The single number the query answers (a count, a sum). */
    public static long count(String sql) {
        return Long.parseLong(row(sql));
    }

    /** Runs a statement the schema must refuse; the database's reason (SQL state and message), or "accepted". */
    public static String refusal(String sql) {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute(sql);
            return "accepted";
        } catch (SQLException e) {
            return e.getSQLState() + " " + e.getMessage();
        }
    }

    private static Connection connection() throws SQLException {
        return PlatformTestResource.postgres().superuserConnection(PlatformTestResource.DATABASE.database());
    }
}
