package com.swanstudios.community;

import com.swanstudios.platform.infra.TestSql;
import java.util.UUID;

/** Questions about community-service's database that several tests ask (plain SQL: {@link TestSql}). */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The member count the community row holds, and the number of active memberships it counts, as "held|counted". */
    public static String memberCounts(String community) {
        return TestSql.row("select c.member_count, (select count(*) from membership m where m.community_id = c.id "
                + "and m.status = 'active') from community c where c.id = '" + community + "'");
    }

    /** The user's row in the community as "role|status", or "absent". */
    public static String membership(String community, UUID user) {
        return TestSql.row("select role, status from membership where community_id = '" + community + "' and user_id = '"
                + user + "'");
    }

    /** How many rows (requests, refusals, memberships) this user has in any community. */
    public static long memberships(UUID user) {
        return TestSql.count("select count(*) from membership where user_id = '" + user + "'");
    }

    public static long communitiesNamed(String name) {
        return TestSql.count("select count(*) from community where name = '" + name.replace("'", "''") + "'");
    }
}
