package org.rota.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.rota.events.Topics;

/**
 * The local run's infrastructure in one process: a Kafka broker on 127.0.0.1:9092 and a PostgreSQL server with one
 * database per service. Data lives under the given directory, so a second {@code ./rota up} keeps it.
 *
 * <p>Arguments: {@code <dataDir> <kafkaPort> <postgresPort> <database>...}
 */
public final class LocalInfrastructure {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalInfrastructure <dataDir> <kafkaPort> <postgresPort> <database>...");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int kafkaPort = Integer.parseInt(args[1]);
        int postgresPort = Integer.parseInt(args[2]);
        List<String> databases = List.of(args).subList(3, args.length);
        Files.createDirectories(dataDir);

        LocalPostgres postgres = LocalPostgres.persistent(postgresPort, dataDir.resolve("postgres"));
        Map<String, String> urls = new LinkedHashMap<>();
        databases.forEach(database -> urls.put(database, postgres.createDatabase(database)));

        LocalKafkaBroker kafka = new LocalKafkaBroker(dataDir.resolve("kafka"), kafkaPort, kafkaPort + 1).start();
        kafka.createTopics(Topics.ALL);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "rota-infra-shutdown"));

        System.out.println("Kafka      " + kafka.bootstrapServers());
        urls.forEach((database, url) -> System.out.println("PostgreSQL " + url));
        System.out.println("READY");
        stopped.await();
    }

    private LocalInfrastructure() {
    }
}
