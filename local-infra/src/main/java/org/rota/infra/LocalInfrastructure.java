package org.rota.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.rota.events.Topics;

/**
 * The local run's infrastructure in one process: a Kafka broker (controller on the next port) and a PostgreSQL
 * server with one database per service. Data lives under the given directory, so a second {@code ./rota up} keeps
 * it. A port given as {@code -} skips that server (an external one is configured instead).
 *
 * <p>Arguments: {@code <dataDir> <kafkaPort|-> <postgresPort|-> <database>...}
 */
public final class LocalInfrastructure {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalInfrastructure <dataDir> <kafkaPort|-> <postgresPort|-> <database>...");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        List<String> databases = List.of(args).subList(3, args.length);
        Files.createDirectories(dataDir);

        Optional<LocalPostgres> postgres = port(args[2]).map(port -> startPostgres(port, dataDir, databases));
        Optional<LocalKafkaBroker> kafka = port(args[1]).map(port -> startKafka(port, dataDir));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.ifPresent(LocalKafkaBroker::stop);
            postgres.ifPresent(LocalInfrastructure::stopQuietly);
            stopped.countDown();
        }, "rota-infra-shutdown"));
        System.out.println("READY");
        stopped.await();
    }

    private static LocalPostgres startPostgres(int port, Path dataDir, List<String> databases) {
        try {
            LocalPostgres postgres = LocalPostgres.persistent(port, dataDir.resolve("postgres"));
            databases.forEach(database -> System.out.println("PostgreSQL " + postgres.createDatabase(database)));
            return postgres;
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port, e);
        }
    }

    private static LocalKafkaBroker startKafka(int port, Path dataDir) {
        try {
            LocalKafkaBroker kafka = new LocalKafkaBroker(dataDir.resolve("kafka"), port, port + 1).start();
            kafka.createTopics(Topics.ALL);
            System.out.println("Kafka      " + kafka.bootstrapServers());
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start on port " + port, e);
        }
    }

    private static Optional<Integer> port(String argument) {
        return argument.equals("-") ? Optional.empty() : Optional.of(Integer.parseInt(argument));
    }

    private static void stopQuietly(LocalPostgres postgres) {
        try {
            postgres.close();
        } catch (Exception e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private LocalInfrastructure() {
    }
}
