package com.swanstudios.social;

import com.swanstudios.platform.infra.TestSql;
import java.util.UUID;

/** Questions about social-service's database that several tests ask (plain SQL: {@link TestSql}). */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** How many connections this user has, on either side. */
    public static long connections(UUID user) {
        return TestSql.count("select count(*) from connection where requester_id = '" + user + "' or target_id = '" + user + "'");
    }

    /** How many posts this user has. */
    public static long posts(UUID author) {
        return TestSql.count("select count(*) from post where author_id = '" + author + "'");
    }
}
