package com.swanstudios.platform.deploy;

/**
 * How the operators name what they create, so the services' settings can point at it: Strimzi's bootstrap
 * service and per-user secrets, CloudNativePG's read-write service and generated application secret.
 */
final class Names {

    static final String KAFKA_CLUSTER = "swanstudios";
    static final String GATEWAY = "swanstudios";
    /** The TLS listener, with SCRAM-SHA-512 clients: the only one the cluster opens. */
    static final int KAFKA_TLS_PORT = 9093;
    static final String PLATFORM_CONFIG = "swanstudios-platform";

    private Names() {
    }

    static String kafkaBootstrap() {
        return KAFKA_CLUSTER + "-kafka-bootstrap:" + KAFKA_TLS_PORT;
    }

    /** Strimzi's cluster CA certificate, which clients trust the brokers' TLS by. */
    static String kafkaClusterCa() {
        return KAFKA_CLUSTER + "-cluster-ca-cert";
    }

    /** A service's CloudNativePG cluster: one per service. */
    static String database(String service) {
        return service + "-db";
    }

    /** The secret CloudNativePG generates for the cluster's application role (username, password, host, port, dbname). */
    static String databaseSecret(String service) {
        return database(service) + "-app";
    }

    static String databaseHost(String service) {
        return database(service) + "-rw";
    }

    /** The secret a service's own settings that are secret come from (created by whoever deploys; never committed). */
    static String serviceSecret(String service) {
        return service + "-secrets";
    }

    static String migrationJob(String service) {
        return service + "-migrate";
    }
}
