package org.rota.tools.bench;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ingest: publishes 10,000 change events (clinicians, credentials, activities and their updates, as credential-service
 * and activity-service publish them) for a fresh four-week department and measures how long solver-service takes to
 * consume them all (its {@code rota_solver_events_consumed_total} metric) and how many solves they coalesce into.
 *
 * <p>Usage: {@code IngestBench [events=10000]}; needs a running system ({@code ./rota up -d}).
 */
public final class IngestBench {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        RotaClient rota = RotaClient.local();
        String department = "INGEST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LocalDate monday = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        List<ProducerRecord<String, String>> events = events(total, department, monday);

        double before = consumed(rota);
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer()) {
            events.forEach(producer::send);
            producer.flush();
        }
        long published = System.nanoTime();
        while (consumed(rota) < before + events.size()) {
            if (System.nanoTime() - started > Duration.ofMinutes(2).toNanos()) {
                throw new IllegalStateException("solver-service did not consume the events within 2 minutes");
            }
            Thread.sleep(100);
        }
        long done = System.nanoTime();
        int solves = solvesSettled(rota, department);
        System.out.printf("Ingest: %d events published in %d ms, all consumed by solver-service after %d ms"
                + " (%.0f events/s); they became %d solves of %s's 4 windows%n", events.size(),
                (published - started) / 1_000_000, (done - started) / 1_000_000,
                events.size() / ((done - started) / 1e9), solves, department);
    }

    /** Clinicians and credentials, then activities, then updates of the activities until {@code total}. */
    private static List<ProducerRecord<String, String>> events(int total, String department, LocalDate monday) {
        List<ProducerRecord<String, String>> events = new ArrayList<>();
        List<String> clinicians = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            String id = UUID.randomUUID().toString();
            clinicians.add(id);
            events.add(event(Topics.CREDENTIALS, EventTypes.CLINICIAN, "clinician", id, """
                    {"id":"%s","externalId":"%s-%d","displayName":"Ingest %d","role":"FACULTY","departments":["%s"],
                     "fte":1.0,"maxMinutesPerWeek":2400,"active":true,"version":0}""".formatted(id, department, c, c,
                    department)));
        }
        for (int k = 0; k < 1800; k++) {
            String id = UUID.randomUUID().toString();
            events.add(event(Topics.CREDENTIALS, EventTypes.CREDENTIAL, "credential", id, """
                    {"id":"%s","clinicianId":"%s","procedureCode":"P%d","level":"%s","validFrom":"2026-01-01",
                     "validUntil":null,"status":"ACTIVE","maxPerWeek":null,"version":0}""".formatted(id,
                    clinicians.get(k % 200), k / 200, k % 3 == 0 ? "EXPERT" : "QUALIFIED")));
        }
        List<String> activities = new ArrayList<>();
        for (int a = 0; a < 2000; a++) {
            activities.add(UUID.randomUUID().toString());
        }
        for (int version = 0; events.size() < total; version++) {
            for (int a = 0; a < activities.size() && events.size() < total; a++) {
                Instant start = monday.plusDays((a % 20) / 5 * 7 + a % 5).atTime(8 + a % 9, 0).atZone(ZONE).toInstant();
                events.add(event(Topics.ACTIVITIES, EventTypes.ACTIVITY, "activity", activities.get(a), """
                        {"id":"%s","department":"%s","title":"Ingest %d","start":"%s","end":"%s","location":"R",
                         "procedureCode":"P%d","requiredClinicians":1,"minimumLevel":"QUALIFIED","status":"SCHEDULED",
                         "version":%d}""".formatted(activities.get(a), department, a, start, start.plusSeconds(7200),
                        a % 9, version)));
            }
        }
        return events;
    }

    private static ProducerRecord<String, String> event(String topic, String type, String entity, String id,
            String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, EventTypes.key(entity, id), data);
        record.headers().add(new RecordHeader("ce_specversion", bytes("1.0")));
        record.headers().add(new RecordHeader("ce_id", bytes(UUID.randomUUID().toString())));
        record.headers().add(new RecordHeader("ce_source", bytes("/rota/ingest-bench")));
        record.headers().add(new RecordHeader("ce_type", bytes(type)));
        record.headers().add(new RecordHeader("ce_subject", bytes(id)));
        return record;
    }

    /** Waits until no new solve of the department has started for 12 s, and counts its solves. */
    private static int solvesSettled(RotaClient rota, String department) throws InterruptedException {
        int count = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < Duration.ofSeconds(12).toNanos()) {
            Thread.sleep(500);
            int now = 0;
            for (JsonNode run : rota.get(rota.solver + "/solves?size=500").require("Reading solves").path("items")) {
                if (run.path("windowId").asText().startsWith(department + "/")) {
                    now++;
                }
            }
            if (now != count) {
                count = now;
                quietSince = System.nanoTime();
            }
        }
        return count;
    }

    private static double consumed(RotaClient rota) throws Exception {
        java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(rota.solverManagement + "/q/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        double sum = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("rota_solver_events_consumed_total")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("ROTA_KAFKA_BOOTSTRAP",
                "127.0.0.1:9092"));
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private IngestBench() {
    }
}
