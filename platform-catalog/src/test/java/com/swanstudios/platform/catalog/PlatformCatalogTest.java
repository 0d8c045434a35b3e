package com.swanstudios.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.platform.catalog.PlatformCatalog.RouteSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformCatalogTest {

    private final PlatformCatalog catalog = PlatformCatalog.load();

    @Test
    void everyServiceHasItsOwnPortAndDatabase() {
        assertThat(catalog.services()).extracting(PlatformCatalog.ServiceSpec::port).doesNotHaveDuplicates()
                .containsExactly(8081, 8082, 8083, 8084, 8085);
        assertThat(catalog.services()).extracting(PlatformCatalog.ServiceSpec::database).doesNotHaveDuplicates();
        assertThat(catalog.service("user-service").orElseThrow().urlVariable()).isEqualTo("USER_SERVICE_URL");
    }

    @Test
    void aPrefixMatchesWholePathSegmentsOnly() {
        RouteSpec auth = new RouteSpec("/api/auth", "user-service");
        assertThat(auth.matches("/api/auth")).isTrue();
        assertThat(auth.matches("/api/auth/login")).isTrue();
        assertThat(auth.matches("/api/authentic")).isFalse();
    }

    @Test
    void longerPrefixesComeFirst() {
        List<String> prefixes = catalog.routesByPrecedence().stream().map(RouteSpec::prefix).toList();
        assertThat(prefixes.indexOf("/api/admin/users")).isLessThan(prefixes.indexOf("/api/auth"));
        for (int i = 1; i < prefixes.size(); i++) {
            assertThat(prefixes.get(i - 1).length()).isGreaterThanOrEqualTo(prefixes.get(i).length());
        }
    }

    @Test
    void compactedTopicsAreTheStateTopicsAndEachHasADeadLetterTopic() {
        assertThat(catalog.topics().stream().filter(PlatformCatalog.TopicSpec::compacted).map(PlatformCatalog.TopicSpec::name))
                .containsExactlyInAnyOrder("identity.user.v1", "storefront.package.v1");
        assertThat(catalog.topicsWithDeadLetters()).extracting(PlatformCatalog.TopicSpec::name)
                .contains("identity.user.v1.dlq", "commerce.credits.v1.dlq")
                .hasSize(catalog.topics().size() * 2);
    }

    @Test
    void deadLetterTopicsAreDeletedAfterBoundedRetention() {
        PlatformCatalog.TopicSpec identity = catalog.topics().stream()
                .filter(t -> t.name().equals("identity.user.v1")).findFirst().orElseThrow();
        assertThat(identity.isDeadLetter()).isFalse();
        assertThat(identity.configs()).doesNotContainKey("retention.ms");

        PlatformCatalog.TopicSpec deadLetter = identity.deadLetter();
        assertThat(deadLetter.name()).isEqualTo("identity.user.v1.dlq");
        assertThat(deadLetter.isDeadLetter()).isTrue();
        assertThat(deadLetter.configs())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", String.valueOf(14L * 24 * 60 * 60 * 1000))
                .doesNotContainKeys("max.compaction.lag.ms", "delete.retention.ms");
        assertThat(catalog.topicsWithDeadLetters()).filteredOn(PlatformCatalog.TopicSpec::isDeadLetter)
                .hasSize(catalog.topics().size())
                .allSatisfy(t -> assertThat(t.configs()).containsEntry("cleanup.policy", "delete")
                        .containsEntry("retention.ms", PlatformCatalog.TopicSpec.DEAD_LETTER_RETENTION_MS));
    }
}
