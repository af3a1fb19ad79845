package org.rota.platform.health;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.HealthGroup;

/**
 * Whether the broker answers: the health group {@code kafka} ({@code /q/health/group/kafka}) and the gauge
 * {@code rota.kafka.reachable}. Deliberately not part of readiness: the outbox takes writes while the broker is away,
 * so an outage must not take every pod out of service, and a consumer's partition assignment must not cap how many
 * replicas can be ready.
 */
@HealthGroup("kafka")
@ApplicationScoped
public class KafkaConnectivity implements HealthCheck {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration GAUGE_MAX_AGE = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final Map<String, Object> adminSettings = new HashMap<>();
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile Admin admin;
    private volatile boolean lastReachable;
    private volatile Instant lastProbe = Instant.EPOCH;

    /** @param kafka the {@code kafka.*} settings, so that the probe authenticates (SASL) as the service's clients do */
    KafkaConnectivity(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                adminSettings.put(key, value);
            }
        });
        adminSettings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        adminSettings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        this.bootstrapServers = String.valueOf(kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    void registerGauge(@Observes StartupEvent startup, MeterRegistry metrics) {
        Gauge.builder("rota.kafka.reachable", this, KafkaConnectivity::reachableForGauge)
                .description("1 when the Kafka broker answered within " + PROBE_TIMEOUT.toSeconds() + " s, else 0")
                .register(metrics);
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Kafka broker").withData("bootstrap.servers", bootstrapServers);
        try {
            int brokers = admin().describeCluster(options()).nodes()
                    .get(PROBE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            remember(true);
            return response.withData("brokers", brokers).up().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().build();
        } catch (Exception e) {
            remember(false);
            return response.withData("error", String.valueOf(e.getMessage())).down().build();
        }
    }

    /** Never blocks a scrape: answers the last result and refreshes it in the background when it is stale. */
    private double reachableForGauge() {
        if (Instant.now().isAfter(lastProbe.plus(GAUGE_MAX_AGE)) && probing.compareAndSet(false, true)) {
            admin().describeCluster(options()).nodes().whenComplete((nodes, failure) -> {
                remember(failure == null);
                probing.set(false);
            });
        }
        return lastReachable ? 1 : 0;
    }

    private void remember(boolean reachable) {
        lastReachable = reachable;
        lastProbe = Instant.now();
    }

    private static DescribeClusterOptions options() {
        return new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis());
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(adminSettings);
                }
                current = admin;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
