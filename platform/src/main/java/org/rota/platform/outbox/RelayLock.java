package org.rota.platform.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes one replica the relay: a PostgreSQL session-level advisory lock, held for as long as the relay runs on a
 * connection of its own (outside the pool, so that no request ever inherits it). The server ends that session, and
 * so releases the lock, once it has been idle for {@code rota.outbox.lock-timeout}: a frozen or cut-off relay loses
 * the lock without having to notice. The lock decides who relays; what a relay that lost it still had in flight is
 * kept off the topic by Kafka's transactional fencing (see {@link OutboxProducers#create()}).
 */
@ApplicationScoped
class RelayLock {

    private static final Logger LOG = Logger.getLogger(RelayLock.class);

    /** Arbitrary constant naming the one advisory lock of the relay in a service's database. */
    private static final long KEY = 0x526f74614f7574L;

    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final OutboxConfig config;
    private volatile Connection session;

    RelayLock(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            OutboxConfig config) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.config = config;
    }

    /** Takes the lock if no other relay holds it; true if this relay holds it now. */
    synchronized boolean tryAcquire() {
        if (session != null) {
            return confirm();
        }
        Connection connection = null;
        try {
            connection = open();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET idle_session_timeout = " + config.lockTimeout().toMillis());
                try (ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                    if (result.next() && result.getBoolean(1)) {
                        session = connection;
                        return true;
                    }
                }
            }
        } catch (SQLException e) {
            LOG.debugf("The relay lock could not be asked for: %s", e.getMessage());
        }
        close(connection);
        return false;
    }

    /** Whether this relay still holds the lock; asking also keeps the session from going idle. */
    synchronized boolean confirm() {
        Connection connection = session;
        if (connection == null) {
            return false;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_locks "
                + "WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()")) {
            query.setQueryTimeout(queryTimeoutSeconds());
            try (ResultSet result = query.executeQuery()) {
                if (result.next() && result.getLong(1) > 0) {
                    return true;
                }
            }
        } catch (SQLException e) {
            LOG.warnf("The relay lock is lost: %s", e.getMessage());
        }
        release();
        return false;
    }

    boolean held() {
        return session != null;
    }

    /** Ends the session, which releases the lock. */
    synchronized void release() {
        close(session);
        session = null;
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(value -> properties.setProperty("user", value));
        password.ifPresent(value -> properties.setProperty("password", value));
        properties.setProperty("ApplicationName", "rota-outbox-relay");
        properties.setProperty("connectTimeout", Integer.toString(queryTimeoutSeconds()));
        // a server that stops answering must not hold the relay thread longer than the lock would last
        properties.setProperty("socketTimeout", Integer.toString(queryTimeoutSeconds()));
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(true);
        return connection;
    }

    private int queryTimeoutSeconds() {
        return (int) Math.max(1, config.lockTimeout().toSeconds() / 2);
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debugf("Closing the relay lock's session: %s", e.getMessage());
        }
    }
}
