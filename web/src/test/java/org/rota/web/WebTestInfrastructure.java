package org.rota.web;

import org.rota.infra.KafkaTestResource;

import io.quarkus.test.common.QuarkusTestResource;

/** One real Kafka broker for the module's Quarkus tests (web reads rota.allocations.v1). */
@QuarkusTestResource(KafkaTestResource.class)
public class WebTestInfrastructure {
}
