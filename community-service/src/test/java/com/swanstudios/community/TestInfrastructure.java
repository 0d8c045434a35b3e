package com.swanstudios.community;

import com.swanstudios.platform.infra.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Real PostgreSQL and Kafka for every test in this module, started once. */
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
public class TestInfrastructure {
}
