package org.rota.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Another Rota service running as it runs in production, {@code java -jar …/quarkus-app/quarkus-run.jar}, in a child
 * JVM on a port of its own. Its configuration comes in as environment variables ({@code QUARKUS_HTTP_PORT}, the
 * datasource, {@code KAFKA_BOOTSTRAP_SERVERS}), and it counts as started once {@code /q/health/ready} on its management
 * port ({@code QUARKUS_MANAGEMENT_PORT}, where health and metrics live) says UP.
 * Tests can stop and start it again, or freeze it ({@link #pause()}) to see how its callers cope.
 */
public final class QuarkusServiceProcess implements AutoCloseable {

    // generous: on a shared 2-core machine a service under parallel builds has taken over 90 s to start
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final String name;
    private final Path jar;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ChildProcess child;
    private Process process;

    /**
     * @param jar the service's {@code target/quarkus-app/quarkus-run.jar}
     * @param environment configuration beyond the HTTP port, e.g. {@code QUARKUS_DATASOURCE_JDBC_URL}
     * @param log where the child's output goes
     */
    public QuarkusServiceProcess(String name, Path jar, Map<String, String> environment, Path log) {
        this.name = name;
        this.child = new ChildProcess(name, Duration.ofSeconds(15));
        this.jar = jar.toAbsolutePath().normalize();
        this.environment = new LinkedHashMap<>(environment);
        this.log = log.toAbsolutePath();
        this.port = FreePorts.next();
        this.managementPort = FreePorts.next();
    }

    /**
     * The JVM's memory settings of a service, as in every way it is run (./rota, Dockerfile.jvm; deploy-check compares
     * them): a bounded heap, metaspace, code cache and stacks, the serial collector; a JVM out of memory exits instead
     * of limping on.
     */
    /** glibc: 2 malloc arenas, large blocks mapped on their own, free memory trimmed: native memory goes back. */
    public static final Map<String, String> MALLOC_SETTINGS = Map.of("MALLOC_ARENA_MAX", "2",
            "MALLOC_MMAP_THRESHOLD_", "131072", "MALLOC_TRIM_THRESHOLD_", "131072");

    public static List<String> memoryOptions(String service) {
        return List.of(service.equals("solver-service") ? "-Xmx256m" : "-Xmx192m", "-XX:MaxMetaspaceSize=128m",
                "-XX:ReservedCodeCacheSize=48m", "-Xss512k", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
    }

    public synchronized QuarkusServiceProcess start() {
        if (isRunning()) {
            return this;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build " + name + " first (mvn install, or -am)");
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(memoryOptions(name));
        // tests start many JVMs that run briefly: the C1 compiler alone starts them faster
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(MALLOC_SETTINGS);
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        builder.environment().putIfAbsent("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // a JVM that dies without calling stop() must not leave the child behind
        process = child.start(builder, log);
        awaitReady();
        return this;
    }

    /** Stops the service gracefully (SIGTERM), forcibly after 15 s. */
    public synchronized void stop() {
        child.stop();
    }

    /** Kills the process at once (SIGKILL): no shutdown hooks, nothing flushed, as when a node dies. */
    public synchronized void kill() {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
            try {
                running.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Freezes the process (SIGSTOP): it still accepts connections but never answers, like a hung server. */
    public synchronized void pause() {
        signal("STOP");
    }

    /** Lets a paused process go on (SIGCONT). */
    public synchronized void resume() {
        signal("CONT");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Health and metrics: the management interface. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see "
                        + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            sleep(200);
        }
        child.stop();
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    private void signal(String signal) {
        if (!isRunning()) {
            throw new IllegalStateException(name + " is not running");
        }
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start()
                    .waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .filter(command -> command.endsWith("java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
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
        return name + " at " + url();
    }
}
