package org.rota.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.rota.events.Topics;
import org.rota.infra.DemoRealm;
import org.rota.infra.KafkaTestClient;
import org.rota.infra.LocalKafkaBroker;
import org.rota.infra.LocalKeycloak;
import org.rota.infra.LocalPostgres;
import org.rota.infra.QuarkusServiceProcess;
import org.rota.tools.client.OidcToken;
import org.rota.tools.client.RotaClient;

/**
 * The whole of Rota as it runs in production: one real Kafka broker and one real PostgreSQL server (in this JVM), the
 * real Keycloak of {@code ./rota up} with the demo realm (its own process), and each service as
 * {@code java -jar quarkus-run.jar} in a JVM of its own. Started once for all system tests. {@link #rota} calls
 * credential-service as the demo user {@code credentialing} and the other two as {@code scheduler}.
 */
final class RotaSystem {

    private static RotaSystem running;

    final LocalKafkaBroker kafka;
    final LocalPostgres postgres;
    final LocalKeycloak keycloak;
    final QuarkusServiceProcess credentials;
    final QuarkusServiceProcess activities;
    final QuarkusServiceProcess solver;
    /** The people's screens: started at the first {@link #web()} call, so that tests without a browser skip it. */
    private QuarkusServiceProcess web;
    final RotaClient rota;
    final KafkaTestClient topics;
    private final Map<String, OidcToken> tokens = new ConcurrentHashMap<>();

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
        // the distribution Maven unpacked (system-tests' pom); a realm as in the repository for every run
        keycloak = LocalKeycloak.onFreePort(Path.of(System.getProperty("rota.keycloak.home")),
                Path.of("target", "logs", "keycloak.log")).startWithFreshRealm();
        credentials = service("credential-service", "credentials", Map.of()).start();
        activities = service("activity-service", "activities",
                Map.of("QUARKUS_REST_CLIENT_CREDENTIAL_SERVICE_URL", credentials.url())).start();
        solver = solverReplica("solver-a").start();
        rota = signedIn(credentials.url(), activities.url(), solver.url());
        topics = new KafkaTestClient(kafka.bootstrapServers());
    }

    /** web, signed in through the realm's {@code web} client, calling the three services above. */
    synchronized QuarkusServiceProcess web() {
        if (web == null) {
            Map<String, String> environment = new HashMap<>();
            environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            environment.put("ROTA_OIDC_ISSUER", keycloak.issuer());
            environment.put("ROTA_WEB_CLIENT_SECRET", DemoRealm.clientSecret(DemoRealm.WEB_CLIENT));
            environment.put("ROTA_CREDENTIAL_SERVICE_URL", credentials.url());
            environment.put("ROTA_ACTIVITY_SERVICE_URL", activities.url());
            environment.put("ROTA_SOLVER_SERVICE_URL", solver.url());
            web = new QuarkusServiceProcess("web", Path.of("..", "web", "target", "quarkus-app", "quarkus-run.jar"),
                    environment, Path.of("target", "logs", "web.log")).start();
        }
        return web;
    }

    /** Another solver-service replica on the same broker and database, in the same consumer groups. */
    QuarkusServiceProcess solverReplica(String name) {
        return service("solver-service", "solver", Map.of(
                "SOLVER_INSTANCE_ID", name,
                "SOLVER_DEBOUNCE", "200ms",
                "SOLVER_TIME_LIMIT_SECONDS", "5"), name);
    }

    /** Clients of these service URLs (null: not called), signed in as credentialing and scheduler. */
    RotaClient signedIn(String credentialsUrl, String activitiesUrl, String solverUrl) {
        return new RotaClient(credentialsUrl, activitiesUrl, solverUrl)
                .signedIn(token("credentialing"), token("scheduler"), token("scheduler"));
    }

    /** A demo user's access token from the realm (password grant, as {@code ./rota token USER}). */
    Supplier<String> token(String user) {
        return tokens.computeIfAbsent(user, name -> OidcToken.password(keycloak.issuer(), DemoRealm.CLI_CLIENT, name,
                DemoRealm.password(name)));
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
        environment.put("ROTA_OIDC_ISSUER", keycloak.issuer());
        // the service's own client secret in the demo realm, as ./rota up passes it (no other service's)
        environment.put("ROTA_" + module.toUpperCase(Locale.ROOT).replace('-', '_') + "_CLIENT_SECRET",
                DemoRealm.clientSecret(module));
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar");
        return new QuarkusServiceProcess(name, jar, environment, Path.of("target", "logs", name + ".log"));
    }

    private void stop() {
        synchronized (this) {
            if (web != null) {
                web.stop();
            }
        }
        solver.stop();
        activities.stop();
        credentials.stop();
        kafka.stop();
        keycloak.stop();
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
