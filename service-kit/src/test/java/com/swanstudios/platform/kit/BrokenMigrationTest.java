package com.swanstudios.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.swanstudios.platform.infra.DatabaseAccount;
import com.swanstudios.platform.infra.EmbeddedPostgresServer;
import com.swanstudios.platform.infra.PlatformTestResource;
import io.quarkus.test.QuarkusUnitTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A migration with bad SQL: the application does not start, the error names the migration, and the schema
 * is as it was before (PostgreSQL runs each migration in one transaction).
 */
class BrokenMigrationTest {

    private static final DatabaseAccount DB = DatabaseAccount.local("broken_migration");
    private static final EmbeddedPostgresServer POSTGRES = PlatformTestResource.postgres();

    static {
        POSTGRES.ensureDatabase(DB);
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addAsResource("broken-migration/V1__add_half_a_feature.sql",
                    "db/broken-migration/V1__add_half_a_feature.sql"))
            .overrideConfigKey("quarkus.application.name", "broken-migration")
            .overrideConfigKey("swan.http.port", "0")
            .overrideConfigKey("swan.database", DB.database())
            .overrideConfigKey("quarkus.flyway.locations", "db/broken-migration")
            .overrideConfigKey("quarkus.datasource.jdbc.url", POSTGRES.jdbcUrl(DB.database()))
            .overrideConfigKey("quarkus.datasource.reactive.url", POSTGRES.reactiveUrl(DB.database()))
            .overrideConfigKey("quarkus.datasource.username", DB.role())
            .overrideConfigKey("quarkus.datasource.password", DB.password())
            .overrideConfigKey("kafka.bootstrap.servers", PlatformTestResource.kafka().bootstrapServers())
            .assertException(failure -> {
                assertThat(stackTrace(failure)).contains("V1__add_half_a_feature.sql").contains("no_such_table");
                assertThat(tableExists("half_a_feature")).as("the failed migration left nothing behind").isFalse();
            });

    @Test
    void theApplicationDoesNotStart() {
        fail("the application started although its migration is broken");
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static boolean tableExists(String table) {
        try (Connection c = POSTGRES.superuserConnection(DB.database()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from information_schema.tables where table_name = '" + table + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
