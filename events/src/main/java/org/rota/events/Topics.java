package org.rota.events;

import java.util.List;

/** Every Kafka topic Rota reads or writes, with the settings it must be created with. */
public final class Topics {

    public static final String CREDENTIALS = "rota.credentials.v1";
    public static final String CREDENTIALS_INBOUND = "rota.credentials.inbound.v1";
    public static final String ACTIVITIES = "rota.activities.v1";
    public static final String ACTIVITIES_INBOUND = "rota.activities.inbound.v1";
    public static final String ALLOCATIONS = "rota.allocations.v1";
    public static final String SOLVER_WORK = "rota.solver.work.v1";

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
            TopicDefinition.retained(deadLetter(ACTIVITIES)));

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** A topic and how it must be created. */
    public record TopicDefinition(String name, int partitions, boolean compacted) {
        static TopicDefinition compacted(String name) {
            return new TopicDefinition(name, PARTITIONS, true);
        }

        static TopicDefinition retained(String name) {
            return new TopicDefinition(name, PARTITIONS, false);
        }
    }

    private Topics() {
    }
}
