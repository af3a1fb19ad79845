package org.rota.solver.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rota.platform.inbound.InboundEvent;
import org.rota.platform.inbound.InboundEventReader;
import org.rota.platform.inbound.InvalidMessageException;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.outbox.SolverEvents;
import org.rota.solver.repository.ReadModelLock;
import org.rota.solver.repository.ReadModelWriter;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a batch of change events in one transaction and marks each window they touch dirty once, however many
 * events touched it: a burst of 10,000 events becomes a handful of solves. A record that cannot be applied, because
 * it breaks the contract or the solver's rules or because the database refuses it (a constraint, a value out of
 * range), is returned with its reason and the rest of the batch is applied. Any other failure (the database away, a
 * failed commit) throws {@link ProjectionUnavailableException}: nothing of the batch is applied, and the caller
 * retries it whole.
 */
@ApplicationScoped
public class ChangeProjection {

    private final InboundEventReader reader;
    private final ReadModelProjector projector;
    private final SolverEvents events;
    private final ReadModelLock lock;
    private final DataSource dataSource;
    private final MeterRegistry metrics;

    ChangeProjection(InboundEventReader reader, ReadModelProjector projector, SolverEvents events,
            ReadModelLock lock, DataSource dataSource, MeterRegistry metrics) {
        this.reader = reader;
        this.projector = projector;
        this.events = events;
        this.lock = lock;
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    /** An event that can never be applied, with the reason. */
    public record Rejected(ConsumerRecord<String, String> record, String reason) {
    }

    /** Applies what it can to the live read model and marks the touched windows dirty; returns what it rejected. */
    public List<Rejected> apply(List<ConsumerRecord<String, String>> records) {
        List<Rejected> rejected = project(records, null);
        metrics.counter("rota.solver.events.consumed").increment(records.size());
        return rejected;
    }

    /**
     * Applies what it can to a staging copy of the read model in {@code schema} (a rebuild's), marking no window
     * dirty; returns what it rejected.
     */
    public List<Rejected> applyToStaging(List<ConsumerRecord<String, String>> records, String schema) {
        return project(records, schema);
    }

    private List<Rejected> project(List<ConsumerRecord<String, String>> records, String stagingSchema) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> inTransaction(records, stagingSchema, false));
        } catch (RuntimeException e) {
            if (!(causeOf(e) instanceof RecordRefused)) {
                throw new ProjectionUnavailableException(causeOf(e));
            }
        }
        // Savepoints cost a round trip each, so a batch runs without them and is replayed with one per record only
        // once the database has refused one of its records (which aborted the first attempt's transaction).
        try {
            return QuarkusTransaction.requiringNew().call(() -> inTransaction(records, stagingSchema, true));
        } catch (RuntimeException e) {
            throw new ProjectionUnavailableException(causeOf(e));
        }
    }

    private List<Rejected> inTransaction(List<ConsumerRecord<String, String>> records, String stagingSchema,
            boolean isolated) throws SQLException {
        boolean live = stagingSchema == null;
        if (live) {
            lock.share();
        }
        List<Rejected> rejected = new ArrayList<>();
        Map<String, PlanningWindow> dirty = new TreeMap<>();
        // the transaction's own connection (the pool hands the enlisted one out again), used through JDBC
        try (Connection connection = dataSource.getConnection()) {
            ReadModelWriter writer = new ReadModelWriter(connection);
            if (!live) {
                writer.useSchema(stagingSchema);
            }
            ReadModelProjector.Batch batch = new ReadModelProjector.Batch(writer, live);
            for (ConsumerRecord<String, String> record : records) {
                if (isolated) {
                    writer.savepoint();
                }
                try {
                    InboundEvent event = reader.read(record);
                    projector.apply(event, batch).forEach(window -> dirty.put(window.id(), window));
                } catch (InvalidMessageException e) {
                    rejected.add(new Rejected(record, e.getMessage())); // thrown before any write of the record
                } catch (SQLException | RuntimeException e) {
                    if (!ProjectionFailures.refusesRecord(e)) {
                        throw e;
                    }
                    if (!isolated) {
                        throw new RecordRefused(e);
                    }
                    writer.rollbackToSavepoint();
                    rejected.add(new Rejected(record, "The read model refused it: " + ProjectionFailures.reason(e)));
                }
                if (isolated) {
                    writer.releaseSavepoint();
                }
            }
        }
        if (live) {
            dirty.values().forEach(window -> events.windowDirty(window, "changes"));
        }
        return rejected;
    }

    private static Throwable causeOf(RuntimeException e) {
        // QuarkusTransaction wraps what the work threw in its own exception
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof RecordRefused) && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        return cause instanceof RecordRefused || cause instanceof SQLException ? cause : e;
    }

    /** The first attempt met a record the database refuses; the batch is replayed with savepoints. */
    private static final class RecordRefused extends RuntimeException {
        RecordRefused(Exception cause) {
            super(cause);
        }
    }
}
