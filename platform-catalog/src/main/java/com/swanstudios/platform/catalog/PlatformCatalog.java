package com.swanstudios.platform.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The platform's tables in one place: which services exist (port, database), which path prefixes the
 * gateway routes to them and which Kafka topics exist. The gateway, the local stack, the test
 * infrastructure and the Kubernetes manifests are all rendered from this one file
 * ({@code swanstudios/platform.json}), so they cannot drift apart.
 */
public record PlatformCatalog(List<ServiceSpec> services, GatewaySpec gateway, List<RouteSpec> routes, List<TopicSpec> topics) {

    public static final String RESOURCE = "swanstudios/platform.json";
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /**
     * A service: its HTTP port (the same locally and in the cluster), its own database, and what it calls outside
     * the platform ({@code egress}: the deployment lets out only these, besides DNS, its database, Kafka, the
     * JWKS and the trace collector).
     */
    public record ServiceSpec(String name, int port, String database, List<EgressSpec> egress) {
        public ServiceSpec {
            egress = egress == null ? List.of() : List.copyOf(egress);
        }

        /** The environment variable that points the gateway at this service, e.g. {@code USER_SERVICE_URL}. */
        public String urlVariable() {
            return name.toUpperCase().replace('-', '_') + "_URL";
        }
    }

    /** A destination outside the platform that a service calls: what it is and the TCP port it listens on. */
    public record EgressSpec(String name, int port) {
    }

    public record GatewaySpec(String name, int port) {
    }

    public record RouteSpec(String prefix, String service) {
        public boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
        }
    }

    /**
     * A topic: the one service that produces to it ({@code owner}, through its outbox) and the services that
     * consume it, each in consumer groups named after itself. Access rights and network policies are derived
     * from these, and a test holds them to what each service's configuration actually subscribes to.
     */
    public record TopicSpec(String name, int partitions, String cleanupPolicy, String owner, List<String> consumers) {
        public TopicSpec {
            consumers = consumers == null ? List.of() : List.copyOf(consumers);
        }

        /** Seven days, in milliseconds. */
        private static final String A_WEEK_MS = String.valueOf(7L * 24 * 60 * 60 * 1000);
        /**
         * Fourteen days, in milliseconds: long enough for an operator to replay a dead letter after a holiday,
         * short enough that an erased user's earlier states parked there do not live on indefinitely.
         */
        public static final String DEAD_LETTER_RETENTION_MS = String.valueOf(14L * 24 * 60 * 60 * 1000);

        public boolean compacted() {
            return "compact".equals(cleanupPolicy);
        }

        /** Whether this is a dead-letter topic ({@code <topic>.dlq}). */
        public boolean isDeadLetter() {
            return name.endsWith(DEAD_LETTER_SUFFIX);
        }

        /**
         * The topic's Kafka configuration. A compacted topic holds the current state of entities that can be
         * erased (users): {@code max.compaction.lag.ms} bounds how long a superseded record, with the
         * personal data it carried, may outlive its tombstone, and {@code delete.retention.ms} keeps the
         * tombstone itself a week so a consumer that was down for days still sees the deletion. A dead-letter
         * topic is never compacted and keeps its records {@link #DEAD_LETTER_RETENTION_MS} (14 days), since the
         * states parked there may carry personal data of a user erased since.
         */
        public Map<String, String> configs() {
            Map<String, String> configs = new TreeMap<>();
            configs.put("cleanup.policy", cleanupPolicy);
            if (compacted()) {
                configs.put("max.compaction.lag.ms", A_WEEK_MS);
                configs.put("delete.retention.ms", A_WEEK_MS);
            }
            if (isDeadLetter()) {
                configs.put("cleanup.policy", "delete");
                configs.put("retention.ms", DEAD_LETTER_RETENTION_MS);
            }
            return configs;
        }

        /**
         * Where a consumer parks a record it can never process: {@code <topic>.dlq}, deleted after
         * {@link #DEAD_LETTER_RETENTION_MS} whatever the source topic's cleanup policy. Its writers are the
         * source topic's consumers ({@link #deadLetterWriters()}); only operators read it.
         */
        public TopicSpec deadLetter() {
            return new TopicSpec(name + DEAD_LETTER_SUFFIX, 1, "delete", owner, List.of());
        }

        /** The services that may write this topic's dead letters: its consumers. */
        public List<String> deadLetterWriters() {
            return consumers;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public static PlatformCatalog load() {
        PlatformCatalog catalog = CatalogResource.read(RESOURCE, in -> JSON.readValue(in, PlatformCatalog.class));
        catalog.checkConsistent();
        return catalog;
    }

    public Optional<ServiceSpec> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Routes longest prefix first, so {@code /api/admin/users} wins over a shorter overlapping prefix. */
    public List<RouteSpec> routesByPrecedence() {
        List<RouteSpec> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparingInt((RouteSpec r) -> r.prefix().length()).reversed());
        return sorted;
    }

    /** Every topic the platform needs, with a dead-letter topic beside each. */
    public List<TopicSpec> topicsWithDeadLetters() {
        List<TopicSpec> all = new ArrayList<>(topics);
        topics.forEach(t -> all.add(t.deadLetter()));
        return all;
    }

    private void checkConsistent() {
        for (RouteSpec route : routes) {
            if (service(route.service()).isEmpty()) {
                throw new IllegalStateException("route " + route.prefix() + " names unknown service " + route.service());
            }
            if (!route.prefix().startsWith("/")) {
                throw new IllegalStateException("route prefix must start with '/': " + route.prefix());
            }
        }
        for (TopicSpec topic : topics) {
            if (service(topic.owner()).isEmpty()) {
                throw new IllegalStateException("topic " + topic.name() + " names unknown owner " + topic.owner());
            }
            for (String consumer : topic.consumers()) {
                if (service(consumer).isEmpty()) {
                    throw new IllegalStateException("topic " + topic.name() + " names unknown consumer " + consumer);
                }
            }
            if (!List.of("compact", "delete").contains(topic.cleanupPolicy())) {
                throw new IllegalStateException("topic " + topic.name() + " has unknown cleanup policy " + topic.cleanupPolicy());
            }
        }
    }
}
