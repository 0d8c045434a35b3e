package com.swanstudios.user;

import com.swanstudios.platform.infra.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real PostgreSQL, Kafka and SMTP (GreenMail) for every test in this module; tokens are this service's own. */
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = PlatformTestResource.TOKENS, value = "self"))
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
public class TestInfrastructure {
}
