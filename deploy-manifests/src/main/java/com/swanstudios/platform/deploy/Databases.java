package com.swanstudios.platform.deploy;

import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL through CloudNativePG: one {@code Cluster} per service, each with the service's one database and
 * one role (the operator generates its {@code <cluster>-app} secret, which the service reads), continuous WAL
 * archiving and base backups to object storage through the Barman Cloud plugin, a daily scheduled backup, and so
 * point-in-time recovery to any moment of the retention window.
 *
 * <p>Five clusters rather than one: each service's data is restored, scaled, upgraded and failed over on its own
 * (recovering cart-service's ledger to a minute before an incident must not roll back users or posts), a
 * team's load or a runaway query cannot starve another's database, and the operator's generated secret is per
 * cluster, so credentials never need copying. The cost is five primaries' memory; the local overlay runs each
 * with one instance.
 */
final class Databases {

    static final String POSTGRES_IMAGE = "ghcr.io/cloudnative-pg/postgresql:17.6";
    static final String BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";
    static final String OBJECT_STORE_SECRET = "swanstudios-backup-store";
    static final String RETENTION = "30d";
    /** The services whose data is money: three instances and synchronous replication, so a failover loses no commit. */
    static final List<String> LEDGERS = List.of("cart-service");

    private Databases() {
    }

    static List<GenericKubernetesResource> of(ServiceSpec service) {
        String cluster = Names.database(service.name());
        boolean ledger = LEDGERS.contains(service.name());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("instances", ledger ? 3 : 2);
        spec.put("imageName", POSTGRES_IMAGE);
        spec.put("primaryUpdateStrategy", "unsupervised");
        if (ledger) {
            spec.put("postgresql", Map.of("synchronous", Map.of("method", "any", "number", 1, "dataDurability", "required")));
        }
        spec.put("bootstrap", Map.of("initdb", Map.of("database", service.database(), "owner", service.database())));
        spec.put("storage", Map.of("size", ledger ? "20Gi" : "10Gi"));
        spec.put("walStorage", Map.of("size", "5Gi"));
        spec.put("resources", Map.of("requests", Map.of("cpu", "250m", "memory", "512Mi"), "limits", Map.of("memory", "1Gi")));
        spec.put("monitoring", Map.of("enablePodMonitor", true));
        spec.put("plugins", List.of(Map.of("name", BARMAN_PLUGIN, "isWALArchiver", true,
                "parameters", Map.of("barmanObjectName", cluster))));
        return List.of(
                resource("postgresql.cnpg.io/v1", "Cluster", cluster, service.name(), spec),
                resource("barmancloud.cnpg.io/v1", "ObjectStore", cluster, service.name(), Map.of(
                        "retentionPolicy", RETENTION,
                        "configuration", Map.of(
                                "destinationPath", "s3://swanstudios-backups/" + cluster,
                                "s3Credentials", Map.of(
                                        "accessKeyId", Map.of("name", OBJECT_STORE_SECRET, "key", "ACCESS_KEY_ID"),
                                        "secretAccessKey", Map.of("name", OBJECT_STORE_SECRET, "key", "ACCESS_SECRET_KEY")),
                                "wal", Map.of("compression", "gzip"),
                                "data", Map.of("compression", "gzip")))),
                resource("postgresql.cnpg.io/v1", "ScheduledBackup", cluster + "-daily", service.name(), Map.of(
                        "schedule", "0 0 3 * * *",
                        "backupOwnerReference", "self",
                        "immediate", true,
                        "method", "plugin",
                        "pluginConfiguration", Map.of("name", BARMAN_PLUGIN),
                        "cluster", Map.of("name", cluster))));
    }

    static GenericKubernetesResource resource(String apiVersion, String kind, String name, String app, Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder().withApiVersion(apiVersion).withKind(kind)
                .withNewMetadata().withName(name).withLabels(Labels.of(app)).endMetadata()
                .addToAdditionalProperties("spec", spec).build();
    }
}
