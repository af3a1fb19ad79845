package org.rota.solver.it;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.rota.events.AbsenceEvent;
import org.rota.events.ActivityEvent;
import org.rota.events.ClinicianEvent;
import org.rota.events.CredentialEvent;
import org.rota.events.DayPreferenceEvent;
import org.rota.events.EventTypes;
import org.rota.events.Topics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Change events as the producers write them: their contract records serialised by the application's ObjectMapper
 * (the one the platform's outbox uses), in binary CloudEvents, keyed {@code <type>/<id>}, on one producer.
 */
final class ChangeEvents implements AutoCloseable {

    private final ObjectMapper json;
    private final KafkaProducer<String, String> producer;

    ChangeEvents(ObjectMapper json) {
        this.json = json;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    void publish(ClinicianEvent event) {
        send(Topics.CREDENTIALS, EventTypes.CLINICIAN, "clinician/" + event.id(), event);
    }

    void publish(CredentialEvent event) {
        send(Topics.CREDENTIALS, EventTypes.CREDENTIAL, "credential/" + event.id(), event);
    }

    void publish(ActivityEvent event) {
        send(Topics.ACTIVITIES, EventTypes.ACTIVITY, "activity/" + event.id(), event);
    }

    void publish(AbsenceEvent event) {
        send(Topics.ACTIVITIES, EventTypes.ABSENCE, "absence/" + event.id(), event);
    }

    void publish(DayPreferenceEvent event) {
        send(Topics.ACTIVITIES, EventTypes.DAY_PREFERENCE, "preference/" + event.id(), event);
    }

    /** The same event as a consumed record, for feeding the projection directly. */
    ConsumerRecord<String, String> record(ClinicianEvent event, long offset) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.CREDENTIALS, 0, offset,
                "clinician/" + event.id(), toJson(event));
        headers(EventTypes.CLINICIAN, event.id().toString()).forEach(record.headers()::add);
        return record;
    }

    ConsumerRecord<String, String> record(CredentialEvent event, long offset) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.CREDENTIALS, 0, offset,
                "credential/" + event.id(), toJson(event));
        headers(EventTypes.CREDENTIAL, event.id().toString()).forEach(record.headers()::add);
        return record;
    }

    private void send(String topic, String type, String key, Object event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, toJson(event));
        headers(type, key.substring(key.indexOf('/') + 1)).forEach(record.headers()::add);
        producer.send(record);
    }

    /** Waits until everything sent so far is on the broker. */
    void flush() {
        producer.flush();
    }

    private String toJson(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RecordHeader> headers(String type, String subject) {
        return List.of(header("ce_specversion", "1.0"), header("ce_id", UUID.randomUUID().toString()),
                header("ce_source", "/rota/test"), header("ce_type", type), header("ce_subject", subject),
                header("content-type", "application/json"));
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
