package com.swanstudios.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.platform.infra.DatabaseAccount;
import com.swanstudios.platform.infra.EmbeddedPostgresServer;
import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.kit.schema.KitMigrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A database migrated before the kit owned its tables upgrades in place, keeping its rows. */
class KitMigrationsTest {

    @Test
    void aDatabaseAtTodaysV1UpgradesInPlaceAndKeepsItsRows() throws Exception {
        DatabaseAccount account = DatabaseAccount.local("kit_upgrade");
        EmbeddedPostgresServer postgres = PlatformTestResource.postgres();
        postgres.ensureDatabase(account);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl(account.database()));
        dataSource.setUser(account.role());
        dataSource.setPassword(account.password());

        // a service as it was: its own V1 created the kit's tables, and they hold a waiting event and an applied one
        Flyway.configure().dataSource(dataSource).locations("classpath:pre-kit").load().migrate();
        execute(dataSource, """
                insert into outbox_message (id, topic, aggregate_id, event_type, payload)
                values ('018f0000-0000-7000-8000-000000000001', 'identity.user.v1', 'u1', 'registered', '{"version": 0}');
                insert into processed_event (consumer, event_id) values ('user-service.credits', 'e1');""");

        MigrateResult upgrade = KitMigrations.migrate(dataSource);
        assertThat(upgrade.success).isTrue();
        assertThat(upgrade.migrationsExecuted).as("every kit migration ran once").isGreaterThanOrEqualTo(2);

        assertThat(query(dataSource, "select aggregate_id || ':' || coalesce(parked_at::text, 'unparked') from outbox_message"))
                .as("the waiting event survived the upgrade").containsExactly("u1:unparked");
        assertThat(query(dataSource, "select consumer || ':' || event_id from processed_event")).containsExactly("user-service.credits:e1");
        assertThat(query(dataSource, "select indexname from pg_indexes where tablename = 'outbox_message' order by 1"))
                .contains("outbox_message_aggregate", "outbox_message_held", "outbox_message_pending", "outbox_message_sent");
        assertThat(query(dataSource, "select count(*) from applied_version")).containsExactly("0");
        assertThat(query(dataSource, "select version from flyway_schema_history where success order by installed_rank"))
                .as("the service's own history is untouched").containsExactly("1");

        assertThat(KitMigrations.migrate(dataSource).migrationsExecuted).as("a second start changes nothing").isZero();
    }

    private static void execute(PGSimpleDataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> query(PGSimpleDataSource dataSource, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
