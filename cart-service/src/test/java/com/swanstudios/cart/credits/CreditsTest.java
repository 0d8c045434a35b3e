package com.swanstudios.cart.credits;

import static com.swanstudios.cart.TestApi.as;
import static com.swanstudios.platform.infra.TestCalls.concurrently;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** The ledger: a balance that is the sum of entries, never below zero, entries that never change. */
@QuarkusTest
class CreditsTest {

    static final UUID ADMIN = UUID.randomUUID();

    @Inject
    Mutiny.SessionFactory sessions;

    static String adjustment(UUID user, int amount, String reason) {
        return "{\"userId\":\"" + user + "\",\"amount\":" + amount + ",\"reason\":\"" + reason + "\"}";
    }

    @Test
    void anAdminsCorrectionsAreEntriesAndTheBalanceNeverGoesBelowZero() {
        UUID user = UUID.randomUUID();
        as(user).get("/api/credits/me").then().statusCode(200).body("balance", equalTo(0)).body("entries", hasSize(0));
        as(ADMIN, "admin").body(adjustment(user, 3, "goodwill")).post("/api/credits/adjustments").then().statusCode(201)
                .body("kind", equalTo("adjusted")).body("balance", equalTo(3)).body("version", equalTo(1));

        // five concurrent takings of two credits from three: one succeeds, the rest are refused
        List<Integer> statuses = concurrently(5, () -> as(ADMIN, "admin").body(adjustment(user, -2, "correction"))
                .post("/api/credits/adjustments").then().extract().statusCode());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);

        as(user).get("/api/credits/me?limit=1").then().statusCode(200).body("balance", equalTo(1)).body("entries", hasSize(1))
                .body("entries[0].amount", equalTo(-2)).body("entries[0].balance", equalTo(1)).body("nextCursor", notNullValue());
        String cursor = as(user).get("/api/credits/me?limit=1").then().extract().path("nextCursor");
        as(user).get("/api/credits/me?limit=1&cursor=" + cursor).then().statusCode(200).body("entries[0].amount", equalTo(3))
                .body("nextCursor", equalTo(null));
        assertThat(TestSql.row("select balance, version from credit_balance where user_id = '" + user + "'")).isEqualTo("1|2");
        problem(as(ADMIN, "admin").body(adjustment(user, -2, "too much")).post("/api/credits/adjustments"), 409,
                "insufficient-credits");
    }

    @Test
    @SendsInvalidRequests("a zero amount, no reason, an amount out of range, a foreign cursor")
    void onlyAnAdminAdjustsAndOnlyWithAReason() {
        UUID user = UUID.randomUUID();
        problem(as(user).body(adjustment(user, 5, "mine")).post("/api/credits/adjustments"), 403, "forbidden");
        problem(as(ADMIN, "admin").body(adjustment(user, 0, "nothing")).post("/api/credits/adjustments"), 400, "validation");
        problem(as(ADMIN, "admin").body(adjustment(user, 5, " ")).post("/api/credits/adjustments"), 400, "validation");
        problem(as(ADMIN, "admin").body(adjustment(user, 5000, "lots")).post("/api/credits/adjustments"), 400, "validation");
        problem(as(user).get("/api/credits/me?cursor=bm90LWEtdXVpZA"), 400, "validation");
        assertThat(TestSql.count("select count(*) from credit_entry where user_id = '" + user + "'")).isZero();
    }

    @Test
    void ledgerEntriesCannotBeChangedOrRemoved() {
        UUID user = UUID.randomUUID();
        as(ADMIN, "admin").body(adjustment(user, 2, "start")).post("/api/credits/adjustments").then().statusCode(201);
        assertThatThrownBy(() -> TestSql.row("update credit_entry set amount = 200 where user_id = '" + user + "' returning id"))
                .rootCause().hasMessageContaining("credit_entry rows are never changed or removed");
        assertThatThrownBy(() -> TestSql.row("delete from credit_entry where user_id = '" + user + "' returning id"))
                .rootCause().hasMessageContaining("credit_entry rows are never changed or removed");
        assertThat(TestSql.row("select sum(amount) from credit_entry where user_id = '" + user + "'")).isEqualTo("2");
    }

    /** Every entry and balance read runs the same statements: planned once, then found in Hibernate's plan cache. */
    @Test
    void theLedgersStatementsArePlannedOnce() {
        UUID user = UUID.randomUUID();
        Statistics statistics = sessions.getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            adjustAndRead(user);
            statistics.clear();
            for (int i = 0; i < 10; i++) {
                adjustAndRead(user);
            }
            assertThat(statistics.getQueryPlanCacheHitCount()).as("statements found planned").isGreaterThanOrEqualTo(10);
            assertThat(statistics.getQueryPlanCacheMissCount()).as("statements planned again").isZero();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    private static void adjustAndRead(UUID user) {
        as(ADMIN, "admin").body(adjustment(user, 1, "plan")).post("/api/credits/adjustments").then().statusCode(201);
        as(user).get("/api/credits/me").then().statusCode(200);
    }
}
