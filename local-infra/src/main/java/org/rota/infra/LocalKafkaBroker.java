package org.rota.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.rota.events.Topics.TopicDefinition;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Apache Kafka broker (KRaft: broker and controller in one process) running inside this JVM.
 * It can be stopped and started again on the same ports and log directory, which is how tests take the broker down.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public LocalKafkaBroker(Path logDir, int port, int controllerPort) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A broker on free loopback ports with a fresh log directory. */
    public static LocalKafkaBroker onFreePorts() throws IOException {
        return new LocalKafkaBroker(Files.createTempDirectory("rota-kafka"), FreePorts.next(), FreePorts.next());
    }

    public synchronized LocalKafkaBroker start() throws IOException {
        if (server != null) {
            return this;
        }
        Properties properties = brokerProperties();
        formatStorageOnce(properties);
        server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        server.startup();
        return this;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates the topics that do not exist yet, with their partitions and configuration. */
    public void createTopics(Collection<TopicDefinition> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(LocalKafkaBroker::newTopic)
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            // a broker whose data was kept (./rota up) takes settings added since its topics were created
            Map<ConfigResource, Collection<AlterConfigOp>> settings = new HashMap<>();
            topics.stream().filter(topic -> existing.contains(topic.name())).forEach(topic -> settings.put(
                    new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
                    topic.config().entrySet().stream().map(e -> new AlterConfigOp(
                            new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET)).toList()));
            admin.incrementalAlterConfigs(settings).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topics", e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topics", e);
        }
    }

    private static NewTopic newTopic(TopicDefinition topic) {
        return new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.config());
    }

    @Override
    public void close() {
        stop();
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        // One node: every internal topic must have replication factor 1, or consumer groups never form.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        // the outbox relays' transactions: a few partitions are plenty, and 50 (the default) take long to create
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", String.valueOf(org.rota.events.Topics.PARTITIONS));
        p.put("auto.create.topics.enable", "true");
        p.put("log.cleaner.backoff.ms", "1000");
        return p;
    }

    /** KRaft storage must be formatted once; a restarted broker keeps its data. */
    private void formatStorageOnce(Properties properties) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(logDir);
        Path config = logDir.resolveSibling(logDir.getFileName() + "-server.properties");
        try (var out = Files.newOutputStream(config)) {
            properties.store(out, "Rota local Kafka broker");
        }
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        // execute(), never main(): main() calls System.exit.
        int exitCode = StorageTool.execute(
                new String[] {"format", "--standalone", "-t", clusterId, "-c", config.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        return "Kafka " + bootstrapServers() + " (" + logDir + ")";
    }
}
