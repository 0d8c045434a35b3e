package com.swanstudios.platform.deploy;

import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The environment of a service's container: every value a deployment must set, by reference. Secrets come from
 * the operators' generated secrets (database, Kafka user) or from {@code <service>-secrets}, which whoever
 * deploys creates (deploy/README.md lists its keys); settings that differ per environment come from the
 * {@code swanstudios-platform} ConfigMap of the overlay. No value here is secret.
 */
final class Settings {

    /** Secret settings of a service, each an environment variable read from the service's own secret. */
    static final Map<String, List<String>> SECRETS = Map.of(
            "user-service", List.of("SIGNING_KEY_ENCRYPTION_KEY", "ADMIN_EMAIL", "ADMIN_PASSWORD", "ADMIN_TOTP_SECRET",
                    "SMTP_HOST", "SMTP_USERNAME", "SMTP_PASSWORD"),
            "cart-service", List.of("STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET"));

    /** Settings shared by every service that differ per environment: ConfigMap key, environment variable. */
    static final Map<String, String> PLATFORM = Map.of(
            "jwt-issuer", "JWT_ISSUER",
            "jwks-url", "JWT_JWKS_URL",
            "trusted-proxies", "TRUSTED_PROXIES",
            "otel-endpoint", "OTEL_EXPORTER_OTLP_ENDPOINT",
            "otel-sampler", "OTEL_TRACES_SAMPLER",
            "public-base-url", "PUBLIC_BASE_URL");

    private Settings() {
    }

    /** The container's environment for the service; {@code migrating} for its migration Job, else its replicas. */
    static List<EnvVar> of(ServiceSpec service, boolean migrating) {
        List<EnvVar> env = new ArrayList<>();
        String db = Names.databaseSecret(service.name());
        env.add(fromSecret("DB_HOST", db, "host"));
        env.add(fromSecret("DB_PORT", db, "port"));
        env.add(fromSecret("DB_NAME", db, "dbname"));
        env.add(fromSecret("DB_USER", db, "username"));
        env.add(fromSecret("DB_PASSWORD", db, "password"));
        // Replicas never migrate: the Job does, once per rollout; a replica only checks that the schema is the one
        // its code expects (Flyway validate, then Hibernate's), and stops if it is not.
        env.add(value("QUARKUS_FLYWAY_MIGRATE_AT_START", String.valueOf(migrating)));
        env.add(value("QUARKUS_FLYWAY_VALIDATE_AT_START", "true"));
        if (migrating) {
            // starts as far as its migrations, then exits: the same settings, so its start-up checks pass as the replicas' do
            env.add(value("QUARKUS_INIT_AND_EXIT", "true"));
        }
        env.add(value("KAFKA_BOOTSTRAP_SERVERS", Names.kafkaBootstrap()));
        env.add(value("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));
        env.add(value("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"));
        env.add(fromSecret("KAFKA_SASL_JAAS_CONFIG", service.name(), "sasl.jaas.config"));
        env.add(value("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM"));
        env.add(value("KAFKA_SSL_TRUSTSTORE_LOCATION", Workloads.KAFKA_CA_DIR + "/ca.crt"));
        PLATFORM.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> env.add(fromConfig(e.getValue(), e.getKey())));
        service.egress().stream().filter(e -> e.name().equals("smtp"))
                .forEach(e -> env.add(value("SMTP_PORT", String.valueOf(e.port()))));
        SECRETS.getOrDefault(service.name(), List.of())
                .forEach(key -> env.add(fromSecret(key, Names.serviceSecret(service.name()), key)));
        return env;
    }

    private static EnvVar value(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    private static EnvVar fromSecret(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef(key, secret, false).endValueFrom().build();
    }

    private static EnvVar fromConfig(String name, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewConfigMapKeyRef(key, Names.PLATFORM_CONFIG, false)
                .endValueFrom().build();
    }
}
