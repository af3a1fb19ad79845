package org.rota.tools.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.tools.client.RotaClient;

/**
 * Inbound throughput: an HR system's bulk load of clinician upserts on {@code rota.credentials.inbound.v1}, each
 * a new clinician of a fresh department, timed end to end from the first record produced to the last clinician
 * applied (visible over REST, counted every 500 ms: counting is a query over the whole department, which must
 * not compete with the load it measures).
 *
 * <p>Usage: {@code InboundBench [upserts=20000]}; needs a running system ({@code ./rota up -d}).
 */
public final class InboundBench {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        RotaClient rota = RotaClient.local();
        String department = "HRBULK" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<ProducerRecord<String, String>> upserts = upserts(total, department);

        long started = System.nanoTime();
        long published = publish(upserts);
        while (clinicians(rota, department) < total) {
            if (System.nanoTime() - started > PATIENCE.toNanos()) {
                throw new IllegalStateException("Only " + clinicians(rota, department) + " of " + total
                        + " clinicians were applied within " + PATIENCE);
            }
            Thread.sleep(500);
        }
        long applied = System.nanoTime();
        System.out.printf("Inbound: %d clinician upserts published in %d ms, all applied after %d ms"
                + " (%.0f applied/s end to end)%n", total, (published - started) / 1_000_000,
                (applied - started) / 1_000_000, total / ((applied - started) / 1e9));
    }

    private static List<ProducerRecord<String, String>> upserts(int total, String department) {
        List<ProducerRecord<String, String>> upserts = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            String externalId = department + "-" + i;
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CREDENTIALS_INBOUND, externalId, """
                    {"externalId":"%s","displayName":"Bulk %d","role":"%s","departments":["%s"],"fte":%s,
                     "maxMinutesPerWeek":2400}""".formatted(externalId, i, i % 4 == 0 ? "FACULTY" : "RESIDENT",
                    department, i % 2 == 0 ? "1.0" : "0.6"));
            record.headers().add(new RecordHeader("ce_specversion", bytes("1.0")));
            record.headers().add(new RecordHeader("ce_id", bytes(UUID.randomUUID().toString())));
            record.headers().add(new RecordHeader("ce_source", bytes("/hospital/hr")));
            record.headers().add(new RecordHeader("ce_type", bytes(EventTypes.CLINICIAN_UPSERT)));
            record.headers().add(new RecordHeader("content-type", bytes("application/json")));
            upserts.add(record);
        }
        return upserts;
    }

    /** Returns when the broker has acknowledged every record. */
    private static long publish(List<ProducerRecord<String, String>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("ROTA_KAFKA_BOOTSTRAP",
                "127.0.0.1:9092"));
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
        return System.nanoTime();
    }

    private static long clinicians(RotaClient rota, String department) {
        return rota.get(rota.credentials + "/clinicians?size=1&department=" + department)
                .require("Counting the department's clinicians").path("totalItems").asLong();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private InboundBench() {
    }
}
