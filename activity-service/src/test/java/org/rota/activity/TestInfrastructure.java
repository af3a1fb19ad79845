package org.rota.activity;

import org.rota.infra.ServiceWithUpstreamTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * For every test of this module, started once: one real Kafka broker, one real PostgreSQL server, and the real
 * credential-service (its packaged jar, built before this module) as a child JVM with its own database there.
 */
@QuarkusTestResource(value = ServiceWithUpstreamTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "activities"),
        @ResourceArg(name = "upstream.name", value = "credential-service"),
        @ResourceArg(name = "upstream.jar", value = "../credential-service/target/quarkus-app/quarkus-run.jar"),
        @ResourceArg(name = "upstream.database", value = "credentials"),
        @ResourceArg(name = "upstream.url-property", value = "quarkus.rest-client.credential-service.url")})
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
