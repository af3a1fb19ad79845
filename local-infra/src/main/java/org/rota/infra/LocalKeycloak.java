package org.rota.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * A real Keycloak, from its distribution on Maven Central ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by
 * Maven), as its own process on {@code 127.0.0.1}: {@code kc.sh start-dev} with the realm {@value DemoRealm#NAME}
 * imported from {@code keycloak/rota-realm.json}. Realm data lives in the distribution's {@code data/} folder (an
 * embedded file database), so a later start keeps it; the first start also builds Keycloak (about a minute).
 *
 * <p>As a program ({@code ./rota up}): {@code LocalKeycloak <distributionHome> <port> <logFile>}; prints {@code READY}
 * once the realm answers and stops Keycloak when it is stopped itself.
 */
public final class LocalKeycloak implements AutoCloseable {

    // the first start augments the distribution: 51 s on an idle 2-core machine, over six minutes under parallel builds
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(15);
    static final String REALM_RESOURCE = "/keycloak/rota-realm.json";
    /** The master realm's administrator (client {@code admin-cli}), for tests that change the realm at run time. */
    public static final String ADMIN_USER = "kcadmin";

    private final Path home;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ChildProcess child;
    private final String adminPassword;
    private Process process;

    /**
     * @param home the unpacked distribution ({@code keycloak-<version>}, with {@code bin/kc.sh})
     * @param log where Keycloak's output goes
     */
    public LocalKeycloak(Path home, int port, Path log) {
        this.home = home.toAbsolutePath().normalize();
        this.port = port;
        this.log = log.toAbsolutePath();
        this.child = new ChildProcess("keycloak", Duration.ofSeconds(30));
        this.adminPassword = firstSet(System.getenv("KC_BOOTSTRAP_ADMIN_PASSWORD"),
                System.getenv("ROTA_KEYCLOAK_ADMIN_PASSWORD"), UUID.randomUUID().toString());
    }

    /** A Keycloak on a free loopback port, logging to the given file. */
    public static LocalKeycloak onFreePort(Path home, Path log) {
        return new LocalKeycloak(home, FreePorts.next(), log);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LocalKeycloak <distributionHome> <port> <logFile>");
            System.exit(2);
        }
        LocalKeycloak keycloak = new LocalKeycloak(Path.of(args[0]), Integer.parseInt(args[1]), Path.of(args[2]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            keycloak.stop();
            stopped.countDown();
        }, "rota-keycloak-shutdown"));
        keycloak.start();
        System.out.println("Keycloak   " + keycloak.issuer() + " (log " + keycloak.log + ")");
        System.out.println("READY");
        stopped.await();
    }

    /** Starts Keycloak with the realm as it is in the repository, dropping whatever an earlier run stored. */
    public synchronized LocalKeycloak startWithFreshRealm() {
        deleteRecursively(home.resolve("data").resolve("h2"));
        return start();
    }

    /** Starts Keycloak; the realm is imported unless an earlier run already stored it. */
    public synchronized LocalKeycloak start() {
        if (isRunning()) {
            return this;
        }
        Path script = home.resolve("bin").resolve("kc.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException(script + " does not exist: unpack org.keycloak:keycloak-quarkus-dist first "
                    + "(mvn -pl system-tests dependency:unpack@keycloak-distribution)");
        }
        copyRealm();
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm",
                // no management interface (health on its own port 9000): readiness is the realm's discovery document
                "--health-enabled=false", "--metrics-enabled=false"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The master realm's administrator, created on the first start only; not a credential of the rota realm.
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        // a JVM that dies without calling stop() must not leave the child behind
        process = child.start(builder, log);
        awaitRealm();
        return this;
    }

    /** Stops Keycloak gracefully (SIGTERM, which kc.sh passes on to Keycloak's JVM), forcibly after 30 s. */
    public synchronized void stop() {
        child.stop();
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The issuer of the realm's tokens, the services' {@code quarkus.oidc.auth-server-url}. */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + DemoRealm.NAME;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public int port() {
        return port;
    }

    /**
     * The password of {@link #ADMIN_USER}. Keycloak creates that user on a start with an empty data folder only, so
     * this is its password after {@link #startWithFreshRealm()}, not after a {@link #start()} that found old data.
     */
    public String adminPassword() {
        return adminPassword;
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalArgumentException("no value set");
    }


    private void copyRealm() {
        Path target = home.resolve("data").resolve("import").resolve("rota-realm.json");
        try (InputStream realm = LocalKeycloak.class.getResourceAsStream(REALM_RESOURCE)) {
            Files.createDirectories(target.getParent());
            Files.copy(realm, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the realm to " + target, e);
        }
    }

    private void awaitRealm() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " while starting; see "
                        + log);
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        child.stop();
        throw new IllegalStateException("Keycloak's realm was not served within " + READY_TIMEOUT + "; see " + log);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Keycloak " + issuer() + " (" + home + ")";
    }
}
