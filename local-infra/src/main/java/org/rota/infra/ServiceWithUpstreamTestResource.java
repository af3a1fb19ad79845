package org.rota.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.DevServicesContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource for a service that calls another Rota service: one real Kafka broker (as
 * {@link KafkaTestResource}), one real PostgreSQL server with a database for each of the two services, and the other
 * service's packaged jar running as a child JVM against that broker and its own database.
 * <p>
 * Init args: {@code database} (the service under test), {@code upstream.name}, {@code upstream.jar},
 * {@code upstream.database}, {@code upstream.url-property} (set to the child's base URL). Test fields annotated
 * {@link InjectKafkaBroker} and {@link InjectQuarkusService} receive the broker and the child. The child trusts the
 * tokens of the test's OIDC dev service, as the service under test does.
 */
public class ServiceWithUpstreamTestResource implements QuarkusTestResourceLifecycleManager,
        DevServicesContext.ContextAware {

    private final KafkaTestResource kafka = new KafkaTestResource();
    private LocalPostgres postgres;
    private QuarkusServiceProcess upstream;
    private Map<String, String> args = Map.of();
    private Map<String, String> devServices = Map.of();

    @Override
    public void setIntegrationTestContext(DevServicesContext context) {
        devServices = Map.copyOf(context.devServicesProperties());
    }

    @Override
    public void init(Map<String, String> initArgs) {
        args = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(kafka.start());
        try {
            postgres = LocalPostgres.forTests();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("quarkus.datasource.jdbc.url", postgres.createDatabase(arg("database")));
        config.put("quarkus.datasource.username", LocalPostgres.USER);
        config.put("quarkus.datasource.password", LocalPostgres.PASSWORD);

        String name = arg("upstream.name");
        Path jar = Path.of(arg("upstream.jar"));
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.createDatabase(arg("upstream.database")),
                "QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD,
                "KAFKA_BOOTSTRAP_SERVERS", config.get("kafka.bootstrap.servers")));
        String issuer = devServices.get("quarkus.oidc.auth-server-url");
        if (issuer != null) {
            environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer);
        }
        upstream = new QuarkusServiceProcess(name, jar, environment, Path.of("target", name + ".log")).start();
        config.put(arg("upstream.url-property"), upstream.url());
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        kafka.inject(testInjector);
        testInjector.injectIntoFields(upstream,
                new TestInjector.AnnotatedAndMatchesType(InjectQuarkusService.class, QuarkusServiceProcess.class));
    }

    @Override
    public void stop() {
        try {
            if (upstream != null) {
                upstream.stop();
            }
        } finally {
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                kafka.stop();
            }
        }
    }

    private String arg(String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs the init arg '" + name + "'");
        }
        return value;
    }
}
