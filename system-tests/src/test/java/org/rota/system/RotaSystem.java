package org.rota.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.rota.events.Topics;
import org.rota.infra.KafkaTestClient;
import org.rota.infra.LocalKafkaBroker;
import org.rota.infra.LocalPostgres;
import org.rota.infra.QuarkusServiceProcess;
import org.rota.tools.client.TokenSource;
import org.rota.tools.client.RotaClient;

/**
 * The whole of Rota as it runs in production: one real Kafka broker and one real PostgreSQL server (in this JVM), and
 * each service as {@code java -jar quarkus-run.jar} in a JVM of its own. Started once for all system tests.
 */
final class RotaSystem {

    private static RotaSystem running;

    final LocalKafkaBroker kafka;
    final LocalPostgres postgres;
    final QuarkusServiceProcess credentials;
    final QuarkusServiceProcess activities;
    final QuarkusServiceProcess solver;
    final RotaClient rota;
    final KafkaTestClient topics;

    static synchronized RotaSystem get() {
        if (running == null) {
            running = new RotaSystem();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "rota-system-stop"));
        }
        return running;
    }

    private RotaSystem() {
        try {
            kafka = LocalKafkaBroker.onFreePorts().start();
            kafka.createTopics(Topics.ALL);
            postgres = LocalPostgres.forTests();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        credentials = service("credential-service", "credentials", Map.of()).start();
        activities = service("activity-service", "activities",
                Map.of("QUARKUS_REST_CLIENT_CREDENTIAL_SERVICE_URL", credentials.url())).start();
        solver = solverReplica("solver-a").start();
        // tokens of the issuer in ROTA_OIDC_ISSUER, which the services trust too
        rota = new RotaClient(credentials.url(), activities.url(), solver.url(), solver.managementUrl(),
                TokenSource.fromEnvironment("admin"));
        topics = new KafkaTestClient(kafka.bootstrapServers());
    }

    /** Another solver-service replica on the same broker and database, in the same consumer groups. */
    QuarkusServiceProcess solverReplica(String name) {
        return service("solver-service", "solver", Map.of(
                "SOLVER_INSTANCE_ID", name,
                "SOLVER_DEBOUNCE", "200ms",
                "SOLVER_TIME_LIMIT_SECONDS", "5"), name);
    }

    private QuarkusServiceProcess service(String module, String database, Map<String, String> extra) {
        return service(module, database, extra, module);
    }

    private QuarkusServiceProcess service(String module, String database, Map<String, String> extra, String name) {
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.createDatabase(database));
        environment.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER);
        environment.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar");
        return new QuarkusServiceProcess(name, jar, environment, Path.of("target", "logs", name + ".log"));
    }

    private void stop() {
        solver.stop();
        activities.stop();
        credentials.stop();
        kafka.stop();
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
