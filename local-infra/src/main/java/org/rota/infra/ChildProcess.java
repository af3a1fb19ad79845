package org.rota.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A server run as a child of this JVM (a Quarkus service, Keycloak): it goes down with the JVM even when no one calls
 * {@link #stop()}, and stopping it is SIGTERM, then after a grace period SIGKILL, its own children included (kc.sh
 * runs Keycloak's JVM as its child, which would otherwise outlive the script).
 */
final class ChildProcess {

    private final String name;
    private final Duration grace;
    private Process process;
    private Thread stopOnExit;

    ChildProcess(String name, Duration grace) {
        this.name = name;
        this.grace = grace;
    }

    /** Starts it with its output in {@code log}; the returned process is the running child. */
    synchronized Process start(ProcessBuilder builder, Path log) {
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
        stopOnExit = new Thread(this::destroy, name + "-stopper");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        return process;
    }

    synchronized void stop() {
        destroy();
        if (stopOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
            stopOnExit = null;
        }
    }

    private void destroy() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                running.descendants().forEach(ProcessHandle::destroyForcibly);
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
