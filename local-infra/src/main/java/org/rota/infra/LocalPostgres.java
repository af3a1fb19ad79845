package org.rota.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries from Maven Central) started by this JVM. Each service gets a database of its
 * own on it; nothing is shared between services. It can be stopped and started again on the same port and data
 * directory, which is how tests take the database away.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    /** Durability off: a test server loses nothing it needs when it is stopped cleanly. */
    private static final Map<String, String> TEST_SETTINGS = Map.of(
            "fsync", "off",
            "synchronous_commit", "off",
            "full_page_writes", "off",
            "max_connections", "200");
    private static final Map<String, String> PERSISTENT_SETTINGS = Map.of("max_connections", "200");

    private final int port;
    private final Path dataDir;
    private final Map<String, String> settings;
    private final boolean deleteDataOnClose;
    private EmbeddedPostgres postgres;

    private LocalPostgres(int port, Path dataDir, Map<String, String> settings, boolean deleteDataOnClose) {
        this.port = port;
        this.dataDir = dataDir;
        this.settings = settings;
        this.deleteDataOnClose = deleteDataOnClose;
    }

    /** A throw-away server on a free port, tuned for tests (durability off); its data goes when it is closed. */
    public static LocalPostgres forTests() throws IOException {
        return new LocalPostgres(FreePorts.next(), Files.createTempDirectory("rota-postgres"), TEST_SETTINGS, true)
                .start();
    }

    /** A server that keeps its data in {@code dataDir} across restarts, for the local run. */
    public static LocalPostgres persistent(int port, Path dataDir) throws IOException {
        return new LocalPostgres(port, dataDir, PERSISTENT_SETTINGS, false).start();
    }

    /** Starts the server (again) on its port and data directory; nothing happens when it is running. */
    public synchronized LocalPostgres start() throws IOException {
        if (postgres != null) {
            return this;
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                // the data must survive stop(); close() removes a test server's data itself
                .setCleanDataDirectory(false);
        settings.forEach(builder::setServerConfig);
        postgres = builder.start();
        return this;
    }

    /** Stops the server (a fast shutdown: open connections are cut), keeping its data for {@link #start()}. */
    public synchronized void stop() throws IOException {
        if (postgres == null) {
            return;
        }
        postgres.close();
        postgres = null;
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /** Creates the database if it does not exist yet and returns its JDBC URL. */
    public synchronized String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL on port " + port + " is stopped");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return jdbcUrl(name);
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        stop();
        if (deleteDataOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL 127.0.0.1:" + port + " (" + dataDir + ")";
    }
}
