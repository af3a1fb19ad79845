package org.rota.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rota.platform.inbound.InboundConfig;
import org.rota.platform.inbound.ProcessedMessagePruner;

import io.quarkus.test.junit.QuarkusTest;

/** The ids of applied inbound messages are remembered for the configured retention, then pruned in batches. */
@QuarkusTest
class ProcessedMessageRetentionTests {

    @Inject
    ProcessedMessagePruner pruner;

    @Inject
    InboundConfig config;

    @Inject
    DataSource dataSource;

    @Test
    void idsOlderThanTheRetentionAreForgottenInBatchesAndNewerOnesKept() throws SQLException {
        String source = "/test/retention/" + UUID.randomUUID();
        Duration retention = config.processedRetention();
        Instant now = Instant.now();
        int old = config.pruneBatchSize() * 2 + 5;
        List<Instant> appliedAt = new ArrayList<>();
        for (int i = 0; i < old; i++) {
            appliedAt.add(now.minus(retention).minus(Duration.ofHours(1 + i)));
        }
        appliedAt.add(now.minus(retention).plus(Duration.ofHours(1)));
        appliedAt.add(now);
        insert(source, appliedAt);

        long forgotten = pruner.prune();

        assertThat(forgotten).isGreaterThanOrEqualTo(old);
        assertThat(remaining(source)).isEqualTo(2);
    }

    private void insert(String source, List<Instant> appliedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO processed_message (event_id, event_source, topic, processed_at) VALUES (?, ?, 'test', ?)")) {
            for (Instant at : appliedAt) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, source);
                insert.setTimestamp(3, Timestamp.from(at));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private long remaining(String source) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM processed_message WHERE event_source = ?")) {
            count.setString(1, source);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
