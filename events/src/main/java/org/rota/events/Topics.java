package org.rota.events;

import java.util.List;
import java.util.Map;

/** Every Kafka topic Rota reads or writes, with the settings it must be created with. */
public final class Topics {

    public static final String CREDENTIALS = "rota.credentials.v1";
    public static final String CREDENTIALS_INBOUND = "rota.credentials.inbound.v1";
    public static final String ACTIVITIES = "rota.activities.v1";
    public static final String ACTIVITIES_INBOUND = "rota.activities.inbound.v1";
    public static final String ALLOCATIONS = "rota.allocations.v1";
    public static final String SOLVER_WORK = "rota.solver.work.v1";
    /** Credential expiry warnings (key = credential id): notifications, not states, so retained rather than compacted. */
    public static final String CREDENTIAL_ALERTS = "rota.credentials.alerts.v1";
    /** Coverage at risk per planning window (key = department), see {@link CoverageChangedEvent}. */
    public static final String COVERAGE = "rota.coverage.v1";

    /** Suffix of the dead-letter topic beside each consumed topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public static final int PARTITIONS = 3;

    /** Change topics are compacted: the latest state of every entity is always there. */
    public static final List<TopicDefinition> ALL = List.of(
            TopicDefinition.compacted(CREDENTIALS),
            TopicDefinition.compacted(ACTIVITIES),
            TopicDefinition.compacted(ALLOCATIONS),
            TopicDefinition.compacted(SOLVER_WORK),
            TopicDefinition.retained(CREDENTIALS_INBOUND),
            TopicDefinition.retained(ACTIVITIES_INBOUND),
            TopicDefinition.retained(deadLetter(CREDENTIALS_INBOUND)),
            TopicDefinition.retained(deadLetter(ACTIVITIES_INBOUND)),
            TopicDefinition.retained(deadLetter(CREDENTIALS)),
            TopicDefinition.retained(deadLetter(ACTIVITIES)),
            TopicDefinition.retained(CREDENTIAL_ALERTS),
            TopicDefinition.retained(COVERAGE));

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /**
     * How long a superseded record may stay on a compacted topic: a segment is closed after at most this long (on the
     * next record written to its partition) and the log cleaner must compact a record older than this. An erased name
     * (see credential-service's erasure) is thus gone from the change topics about a day after the erasure.
     */
    public static final long COMPACTION_LAG_MS = 24 * 60 * 60 * 1000L;

    /** How long the topics that are not compacted (inbound upserts, dead letters) keep their records. */
    public static final long RETENTION_MS = 7 * 24 * 60 * 60 * 1000L;

    /** A topic and how it must be created: partitions and the topic configuration (Kafka's names and values). */
    public record TopicDefinition(String name, int partitions, boolean compacted, Map<String, String> config) {

        static TopicDefinition compacted(String name) {
            return new TopicDefinition(name, PARTITIONS, true, Map.of(
                    "cleanup.policy", "compact",
                    "min.compaction.lag.ms", "0",
                    "max.compaction.lag.ms", Long.toString(COMPACTION_LAG_MS),
                    "segment.ms", Long.toString(COMPACTION_LAG_MS),
                    // tombstones (not used by Rota, whose deletions are states) would stay this long
                    "delete.retention.ms", Long.toString(COMPACTION_LAG_MS)));
        }

        static TopicDefinition retained(String name) {
            return new TopicDefinition(name, PARTITIONS, false, Map.of(
                    "cleanup.policy", "delete",
                    "retention.ms", Long.toString(RETENTION_MS)));
        }
    }

    private Topics() {
    }
}
