package com.swanstudios.bench;

import com.swanstudios.localstack.bench.BenchStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The checkout scenario's correctness figures, read from the databases once the load is over: what cart-service's
 * ledger granted beside what the webhook's answers promised (each {@code paid} answer is one order's package, its
 * {@code totalSessions}), orders granted more than once, the balances' sum beside the entries' sum, and how many
 * buyers user-service made {@code client} from the {@code commerce.credits.v1} grants (waited for, since that
 * travels by event). Each service's database role is named like its database, as the local stack creates them.
 */
record CheckoutLedger(long paidAnswers, long repeatsApplied, long expectedCredits, long paidOrders, long grants,
        long grantedCredits, long doubleGrants, long balanceSum, int buyers, long clients, double clientsWaitSeconds) {

    private static final String CART = "cart_service";
    private static final String USERS = "user_service";
    private static final Duration CLIENT_WAIT = Duration.ofSeconds(30);

    static CheckoutLedger read(BenchStack stack, CheckoutScenario scenario, int packageSessions) throws Exception {
        long paidOrders;
        long grants;
        long granted;
        long doubleGrants;
        long balances;
        try (Connection cart = connect(stack, CART)) {
            paidOrders = single(cart, "select count(*) from customer_order where status = 'paid'");
            grants = single(cart, "select count(*) from credit_entry where kind = 'granted'");
            granted = single(cart, "select coalesce(sum(amount), 0) from credit_entry where kind = 'granted'");
            doubleGrants = single(cart, "select count(*) from (select order_id from credit_entry where kind = 'granted' "
                    + "group by order_id having count(*) > 1) twice");
            balances = single(cart, "select coalesce(sum(balance), 0) from credit_balance");
        }
        long started = System.nanoTime();
        long clients;
        try (Connection users = connect(stack, USERS)) {
            String buyersAsClients = "select count(*) from user_account where role = 'client' and username like 'buyer\\_%'";
            do {
                clients = single(users, buyersAsClients);
                if (clients >= scenario.buyers()) {
                    break;
                }
                Thread.sleep(250);
            } while (System.nanoTime() - started < CLIENT_WAIT.toNanos());
        }
        return new CheckoutLedger(scenario.paid(), scenario.repeatsApplied(), scenario.paid() * packageSessions, paidOrders,
                grants, granted, doubleGrants, balances, scenario.buyers(), clients, (System.nanoTime() - started) / 1e9);
    }

    /** The Markdown rows the summary prints under the checkout's throughput. */
    String table() {
        return "| figure | value | target |\n|---|---:|---|\n"
                + row("webhook deliveries answered paid (first delivery)", paidAnswers, "")
                + row("repeated deliveries answered already_applied", repeatsApplied, "= paid answers" + verdict(repeatsApplied == paidAnswers))
                + row("orders paid (cart-service)", paidOrders, "= paid answers" + verdict(paidOrders == paidAnswers))
                + row("grant entries", grants, "= orders paid" + verdict(grants == paidOrders))
                + row("credits expected (paid answers × the package's sessions)", expectedCredits, "")
                + row("credits granted (ledger)", grantedCredits, "= expected" + verdict(grantedCredits == expectedCredits))
                + row("sum of balances", balanceSum, "= credits granted" + verdict(balanceSum == grantedCredits))
                + row("orders granted more than once", doubleGrants, "0" + verdict(doubleGrants == 0))
                + String.format("| buyers made client by user-service (from commerce.credits.v1) | %d of %d | all%s, seen %.1f s "
                        + "after the load |%n", clients, buyers, verdict(clients == buyers), clientsWaitSeconds);
    }

    private static String row(String label, long value, String target) {
        return String.format("| %s | %,d | %s |%n", label, value, target);
    }

    private static String verdict(boolean met) {
        return met ? " (met)" : " (missed)";
    }

    private static Connection connect(BenchStack stack, String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), database, database);
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
