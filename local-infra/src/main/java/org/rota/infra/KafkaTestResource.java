package org.rota.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.rota.events.Topics;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: one real Kafka broker per test JVM, with Rota's topics created. A test that needs to take
 * the broker down declares a field {@code @InjectKafkaBroker LocalKafkaBroker broker}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private LocalKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            broker = LocalKafkaBroker.onFreePorts().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker.createTopics(Topics.ALL);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, LocalKafkaBroker.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
    }
}
