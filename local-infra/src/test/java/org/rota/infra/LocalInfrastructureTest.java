package org.rota.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.rota.events.Topics;

class LocalInfrastructureTest {

    @Test
    void brokerCreatesCompactedTopicsAndKeepsRecordsAcrossARestart() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.onFreePorts().start()) {
            broker.createTopics(Topics.ALL);
            assertThat(cleanupPolicy(broker, Topics.CREDENTIALS)).isEqualTo("compact");
            assertThat(partitions(broker, Topics.CREDENTIALS)).isEqualTo(Topics.PARTITIONS);

            send(broker, "before-restart");
            broker.stop();
            broker.start();
            send(broker, "after-restart");

            assertThat(readAll(broker)).containsExactly("before-restart", "after-restart");
        }
    }

    @Test
    void postgresGivesEachServiceItsOwnDatabase() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.forTests()) {
            String credentials = postgres.createDatabase("credentials");
            String again = postgres.createDatabase("credentials");
            String activities = postgres.createDatabase("activities");
            assertThat(again).isEqualTo(credentials);
            assertThat(activities).isNotEqualTo(credentials);
            try (Connection connection = DriverManager.getConnection(activities, LocalPostgres.USER, LocalPostgres.PASSWORD);
                    ResultSet result = connection.createStatement().executeQuery("SELECT current_database()")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("activities");
            }
        }
    }

    @Test
    void postgresStoppedAndStartedAgainKeepsItsData() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.forTests()) {
            String url = postgres.createDatabase("credentials");
            try (Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.PASSWORD)) {
                connection.createStatement().execute("CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('before')");
            }

            postgres.stop();
            assertThat(postgres.isRunning()).isFalse();
            assertThatThrownBy(() -> DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.PASSWORD))
                    .isInstanceOf(SQLException.class);
            postgres.start();

            try (Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.PASSWORD);
                    ResultSet result = connection.createStatement().executeQuery("SELECT value FROM kept")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("before");
            }
        }
    }

    private static void send(LocalKafkaBroker broker, String value) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CREDENTIALS_INBOUND, "same-key", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(LocalKafkaBroker broker) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-test");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CREDENTIALS_INBOUND));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static String cleanupPolicy(LocalKafkaBroker broker, String topic) throws Exception {
        try (Admin admin = admin(broker)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value();
        }
    }

    private static int partitions(LocalKafkaBroker broker, String topic) throws Exception {
        try (Admin admin = admin(broker)) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return description.partitions().size();
        }
    }

    private static Admin admin(LocalKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
