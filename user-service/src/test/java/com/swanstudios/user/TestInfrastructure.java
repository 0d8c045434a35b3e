package com.swanstudios.user;

import com.swanstudios.platform.infra.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real PostgreSQL and Kafka for every test in this module; tokens are this service's own. */
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = PlatformTestResource.TOKENS, value = "self"))
public class TestInfrastructure {
}
