package org.rota.solver.it;

import org.rota.infra.KafkaTestResource;
import org.rota.infra.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** One real Kafka broker and one real PostgreSQL server for every test of this module, started once. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "solver"))
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
