package com.swanstudios.platform.kit.schema;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies the kit's own migrations ({@value #LOCATION}) to every service's database, with their own
 * history table ({@value #HISTORY_TABLE}), right after the service's migrations and before Hibernate
 * validates the schema. One change to the kit's tables is one migration here, whatever the number of
 * services. A failing kit migration stops the service like any other.
 */
@ApplicationScoped
public class KitMigrations implements FlywayConfigurationCustomizer {

    public static final String LOCATION = "classpath:db/service-kit";
    public static final String HISTORY_TABLE = "service_kit_schema_history";

    private static final Logger LOG = Logger.getLogger(KitMigrations.class);

    @Override
    public void customize(FluentConfiguration configuration) {
        Callback[] callbacks = Arrays.copyOf(configuration.getCallbacks(), configuration.getCallbacks().length + 1);
        callbacks[callbacks.length - 1] = new AfterServiceMigrations();
        configuration.callbacks(callbacks);
    }

    /** Migrates the kit's tables on a data source; also what tests call on a database they prepared. */
    public static MigrateResult migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure(KitMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // the service's own history table is already there, so the schema is never empty; baseline 0
                // marks nothing as applied: every kit migration runs, in order, once
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("before the service-kit migrations")
                .validateOnMigrate(true)
                .cleanDisabled(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.infof("service-kit schema migrated to version %s (%d migrations)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
        return result;
    }

    private static final class AfterServiceMigrations implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return false;
        }

        /** Own connections, straight from the driver: the service's migrations hold the pool's while this runs. */
        @Override
        public void handle(Event event, Context context) {
            Config config = ConfigProvider.getConfig();
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(config.getValue("quarkus.datasource.jdbc.url", String.class));
            dataSource.setUser(config.getValue("quarkus.datasource.username", String.class));
            dataSource.setPassword(config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
            migrate(dataSource);
        }

        @Override
        public String getCallbackName() {
            return "service-kit migrations";
        }
    }
}
