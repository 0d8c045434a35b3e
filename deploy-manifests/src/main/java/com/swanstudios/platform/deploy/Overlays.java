package com.swanstudios.platform.deploy;

import com.swanstudios.platform.catalog.LocalDefaults;
import com.swanstudios.platform.catalog.PlatformCatalog;
import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two overlays over the base: {@code local}, a developer's kind or minikube cluster (one Kafka node, one
 * PostgreSQL instance per service, no backups, the simulated payment provider, the local stack's documented
 * defaults as secrets), and {@code production}, the base as it is plus the settings only the operator knows,
 * which it names without values. Neither names a registry: images are set at release with
 * {@code kustomize edit set image}.
 */
final class Overlays {

    static final String NAMESPACE = "swanstudios";

    private Overlays() {
    }

    /** Each overlay file by its path under deploy/kubernetes/overlays. */
    static Map<String, String> of(PlatformCatalog catalog, String version) {
        Map<String, String> files = new TreeMap<>();
        files.put("local/kustomization.yaml", local(catalog, version));
        files.put("production/kustomization.yaml", production());
        return files;
    }

    private static String local(PlatformCatalog catalog, String version) {
        List<String> images = new ArrayList<>();
        catalog.services().forEach(s -> images.add(s.name()));
        images.add("gateway");
        StringBuilder out = new StringBuilder(Manifests.HEADER).append("""
                # A developer's cluster (kind, minikube): one Kafka node, one PostgreSQL instance per service and no backups,
                # the simulated payment provider, and the local stack's documented defaults (README: "The local admin's
                # credentials") as secrets. SWAN_LOCAL_STACK=true lets the services run on those defaults; never use it
                # anywhere else. Images: built with -Pimages -Dquarkus.container-image.push=false and loaded with
                # `kind load docker-image` (no registry).
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: %s
                resources:
                  - ../../base
                images:
                """.formatted(NAMESPACE));
        images.forEach(image -> out.append("  - name: ").append(Workloads.IMAGE_PREFIX).append(image)
                .append("\n    newTag: ").append(version).append('\n'));
        out.append("""
                configMapGenerator:
                  - name: swanstudios-platform
                    behavior: replace
                    literals:
                      - jwt-issuer=https://swanstudios.local
                      - jwks-url=http://user-service:%d/.well-known/jwks.json
                      - public-base-url=http://localhost:%d
                      - trusted-proxies=10.0.0.0/8
                      - otel-endpoint=http://otel-collector.observability:4317
                      - otel-sampler=always_off
                secretGenerator:
                  - name: user-service-secrets
                    literals:
                      - SIGNING_KEY_ENCRYPTION_KEY=%s
                      - ADMIN_EMAIL=%s
                      - ADMIN_PASSWORD=%s
                      - ADMIN_TOTP_SECRET=%s
                      # no mail server in the overlay: run one (e.g. mailpit) under this name to read the mails
                      - SMTP_HOST=mailpit
                      - SMTP_USERNAME=
                      - SMTP_PASSWORD=
                  - name: cart-service-secrets
                    literals:
                      - STRIPE_API_KEY=
                      - STRIPE_WEBHOOK_SECRET=%s
                generatorOptions:
                  disableNameSuffixHash: true
                patches:
                  - target: {labelSelector: "app.kubernetes.io/part-of=swanstudios,app.kubernetes.io/name!=api-docs", kind: Deployment}
                    patch: |
                      - op: add
                        path: /spec/template/spec/containers/0/env/-
                        value: {name: SWAN_LOCAL_STACK, value: "true"}
                  - target: {kind: Job}
                    patch: |
                      - op: add
                        path: /spec/template/spec/containers/0/env/-
                        value: {name: SWAN_LOCAL_STACK, value: "true"}
                  - target: {kind: Deployment, name: user-service}
                    patch: |
                      - op: add
                        path: /spec/template/spec/containers/0/env/-
                        value: {name: SMTP_START_TLS, value: DISABLED}
                  - target: {kind: Deployment, name: cart-service}
                    patch: |
                      - op: add
                        path: /spec/template/spec/containers/0/env/-
                        value: {name: PAYMENT_PROVIDER, value: simulated}
                  - target: {kind: HorizontalPodAutoscaler}
                    patch: |
                      - op: replace
                        path: /spec/minReplicas
                        value: 1
                  - target: {kind: KafkaNodePool}
                    patch: |
                      - op: replace
                        path: /spec/replicas
                        value: 1
                      - op: replace
                        path: /spec/storage/size
                        value: 2Gi
                  - target: {kind: Kafka}
                    patch: |
                      - op: replace
                        path: /spec/kafka/config
                        value:
                          default.replication.factor: 1
                          min.insync.replicas: 1
                          offsets.topic.replication.factor: 1
                          transaction.state.log.replication.factor: 1
                          transaction.state.log.min.isr: 1
                          auto.create.topics.enable: false
                  - target: {kind: KafkaTopic}
                    patch: |
                      - op: replace
                        path: /spec/replicas
                        value: 1
                      - op: replace
                        path: /spec/config/min.insync.replicas
                        value: 1
                  - target: {group: postgresql.cnpg.io, kind: Cluster}
                    patch: |
                      - op: replace
                        path: /spec/instances
                        value: 1
                      - op: replace
                        path: /spec/storage/size
                        value: 1Gi
                      - op: remove
                        path: /spec/walStorage
                      - op: remove
                        path: /spec/plugins
                  - target: {group: postgresql.cnpg.io, kind: Cluster, name: %s}
                    patch: |
                      - op: remove
                        path: /spec/postgresql
                  - target: {group: postgresql.cnpg.io, kind: ScheduledBackup}
                    patch: |
                      $patch: delete
                      apiVersion: postgresql.cnpg.io/v1
                      kind: ScheduledBackup
                      metadata:
                        name: any
                  - target: {group: barmancloud.cnpg.io, kind: ObjectStore}
                    patch: |
                      $patch: delete
                      apiVersion: barmancloud.cnpg.io/v1
                      kind: ObjectStore
                      metadata:
                        name: any
                """.formatted(catalog.service(NetworkPolicies.JWKS_PROVIDER).orElseThrow().port(),
                catalog.gateway().port(), LocalDefaults.SIGNING_KEY_ENCRYPTION_KEY, LocalDefaults.ADMIN_EMAIL,
                LocalDefaults.ADMIN_PASSWORD, LocalDefaults.ADMIN_TOTP_SECRET, LocalDefaults.WEBHOOK_SECRET,
                Names.database(Databases.LEDGERS.get(0))));
        return out.toString();
    }

    private static String production() {
        return Manifests.HEADER + """
                # Production: the base as it is (three Kafka nodes, replicated PostgreSQL with continuous backups, two to six
                # replicas of every service). Before the first apply, create in the namespace (values never committed):
                #   user-service-secrets: SIGNING_KEY_ENCRYPTION_KEY, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_TOTP_SECRET,
                #                         SMTP_HOST, SMTP_USERNAME, SMTP_PASSWORD
                #   cart-service-secrets: STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET
                #   swanstudios-backup-store: ACCESS_KEY_ID, ACCESS_SECRET_KEY (the object store of the backups)
                #   swanstudios-edge-tls: the edge's certificate (kubernetes.io/tls)
                # and set the images of the release:  kustomize edit set image swanstudios/<service>=<registry>/swanstudios/<service>:<version>
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: %s
                resources:
                  - ../../base
                configMapGenerator:
                  - name: swanstudios-platform
                    behavior: merge
                    literals:
                      # the public origin; the JWKS through the edge, over HTTPS (services refuse plain-HTTP keys here)
                      - jwt-issuer=https://swanstudios.example
                      - public-base-url=https://swanstudios.example
                      - jwks-url=https://swanstudios.example/.well-known/jwks.json
                generatorOptions:
                  disableNameSuffixHash: true
                """.formatted(NAMESPACE);
    }
}
