package org.rota.solver.it;

import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.KafkaTestClient;
import org.rota.solver.repository.ReadModelRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A department of its own for one test, whose changes are published on the change topics exactly as
 * credential-service and activity-service publish them (binary CloudEvents, full state, version, key type/id).
 * It plans a week in the future, so that change events always re-plan it.
 */
final class Department {

    static final ZoneId ZONE = ZoneId.of("Europe/London");

    final String code = "D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final LocalDate monday = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(2);
    final KafkaTestClient kafka = new KafkaTestClient(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    String windowId() {
        return code + "/" + monday;
    }

    Instant at(int dayOfWeek, int hour) {
        return monday.plusDays(dayOfWeek).atTime(hour, 0).atZone(ZONE).toInstant();
    }

    String clinician(String name, long version, boolean active) {
        String id = UUID.randomUUID().toString();
        clinician(id, name, version, active);
        return id;
    }

    void clinician(String id, String name, long version, boolean active) {
        publish(Topics.CREDENTIALS, EventTypes.CLINICIAN, "clinician/" + id, """
                {"id":"%s","externalId":"HR-%s","displayName":"%s","role":"FACULTY","departments":["%s"],
                 "fte":1.0,"maxMinutesPerWeek":2400,"active":%s,"version":%d,"updatedAt":"2026-11-26T00:00:00Z"}"""
                .formatted(id, id, name, code, active, version));
    }

    /** A clinician of this department and of {@code other}, with a weekly cap of {@code maxMinutesPerWeek}. */
    String clinicianAlsoIn(Department other, String name, int maxMinutesPerWeek) {
        String id = UUID.randomUUID().toString();
        publish(Topics.CREDENTIALS, EventTypes.CLINICIAN, "clinician/" + id, """
                {"id":"%s","externalId":"HR-%s","displayName":"%s","role":"FACULTY","departments":["%s","%s"],
                 "fte":1.0,"maxMinutesPerWeek":%d,"active":true,"version":0,"updatedAt":"2026-11-26T00:00:00Z"}"""
                .formatted(id, id, name, code, other.code, maxMinutesPerWeek));
        return id;
    }

    /**
     * Waits until the read model holds this many clinicians of the department: the change topics are consumed
     * independently, so activities published after this are never solved without them.
     */
    void awaitClinicians(ReadModelRepository readModel, long count) {
        await().atMost(Duration.ofSeconds(60)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> readModel.countClinicians(code, false)),
                known -> known == count);
    }

    /** Waits until the read model holds this many scheduled activities in the department's week and credentials. */
    void awaitActivitiesAndCredentials(ReadModelRepository readModel, int activities, int credentials) {
        Instant from = monday.atStartOfDay(ZONE).toInstant();
        Instant to = monday.plusWeeks(1).atStartOfDay(ZONE).toInstant();
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> readModel.scheduledActivities(code, from, to).size() == activities
                        && readModel.credentialsOf(code).size() == credentials));
    }

    String credential(String clinicianId, String procedure, String level, String status, long version) {
        String id = UUID.randomUUID().toString();
        credential(id, clinicianId, procedure, level, status, version);
        return id;
    }

    void credential(String id, String clinicianId, String procedure, String level, String status, long version) {
        publish(Topics.CREDENTIALS, EventTypes.CREDENTIAL, "credential/" + id, """
                {"id":"%s","externalId":null,"clinicianId":"%s","procedureCode":"%s","level":"%s",
                 "validFrom":"2026-01-01","validUntil":null,"status":"%s","maxPerWeek":null,"version":%d,
                 "updatedAt":"2026-11-26T00:00:00Z"}""".formatted(id, clinicianId, procedure, level, status, version));
    }

    /** A credential valid until {@code validUntil} (inclusive; null: no end), as credential-service announces it. */
    void credentialUntil(String id, String clinicianId, String procedure, String level, LocalDate validUntil,
            long version) {
        publish(Topics.CREDENTIALS, EventTypes.CREDENTIAL, "credential/" + id, """
                {"id":"%s","externalId":null,"clinicianId":"%s","procedureCode":"%s","level":"%s",
                 "validFrom":"2026-01-01","validUntil":%s,"status":"ACTIVE","maxPerWeek":null,"version":%d,
                 "updatedAt":"2026-11-26T00:00:00Z"}""".formatted(id, clinicianId, procedure, level,
                validUntil == null ? "null" : "\"" + validUntil + "\"", version));
    }

    /** The credential's next version: suspended from {@code effectiveFrom}, as credential-service announces it. */
    void suspended(String id, String clinicianId, String procedure, String level, long version, Instant effectiveFrom) {
        publish(Topics.CREDENTIALS, EventTypes.CREDENTIAL, "credential/" + id, """
                {"id":"%s","externalId":null,"clinicianId":"%s","procedureCode":"%s","level":"%s",
                 "validFrom":"2026-01-01","validUntil":null,"status":"SUSPENDED","maxPerWeek":null,"version":%d,
                 "updatedAt":"2026-11-26T00:00:00Z","statusHistory":[{"status":"ACTIVE","effectiveFrom":null},
                 {"status":"SUSPENDED","effectiveFrom":"%s"}]}"""
                .formatted(id, clinicianId, procedure, level, version, effectiveFrom));
    }

    String undesiredDay(String clinicianId, int dayOfWeek) {
        return preference(clinicianId, dayOfWeek, "UNDESIRED");
    }

    String desiredDay(String clinicianId, int dayOfWeek) {
        return preference(clinicianId, dayOfWeek, "DESIRED");
    }

    private String preference(String clinicianId, int dayOfWeek, String kind) {
        String id = UUID.randomUUID().toString();
        publish(Topics.ACTIVITIES, EventTypes.DAY_PREFERENCE, "preference/" + id, """
                {"id":"%s","clinicianId":"%s","date":"%s","kind":"%s","deleted":false,"version":0,
                 "updatedAt":"2026-11-26T00:00:00Z"}""".formatted(id, clinicianId, monday.plusDays(dayOfWeek), kind));
        return id;
    }

    String activity(String procedure, Instant start, Instant end, int required) {
        String id = UUID.randomUUID().toString();
        activity(id, procedure, start, end, required, "SCHEDULED", 0);
        return id;
    }

    void activity(String id, String procedure, Instant start, Instant end, int required, String status,
            long version) {
        publish(Topics.ACTIVITIES, EventTypes.ACTIVITY, "activity/" + id, """
                {"id":"%s","externalId":"EHR-%s","department":"%s","title":"List","start":"%s","end":"%s",
                 "location":"Theatre 1","procedureCode":%s,"requiredClinicians":%d,"minimumLevel":"QUALIFIED",
                 "status":"%s","version":%d}"""
                .formatted(id, id, code, start, end, procedure == null ? "null" : "\"" + procedure + "\"", required,
                        status, version));
    }

    /**
     * An activity with its seats spelled out ({@code seats}: the JSON array) and its own trainee ratio (null: the
     * service's), announced as activity-service does: {@code requiredClinicians} and {@code minimumLevel} are the
     * shorthand the groups reduce to.
     */
    String activityWithSeats(String procedure, Instant start, Instant end, String seats, int requiredClinicians,
            String minimumLevel, Integer traineesPerSupervisor) {
        String id = UUID.randomUUID().toString();
        publish(Topics.ACTIVITIES, EventTypes.ACTIVITY, "activity/" + id, """
                {"id":"%s","externalId":"EHR-%s","department":"%s","title":"Teaching list","start":"%s","end":"%s",
                 "location":"Theatre 2","procedureCode":"%s","requiredClinicians":%d,"minimumLevel":"%s",
                 "seats":%s,"traineesPerSupervisor":%s,"status":"SCHEDULED","version":0}"""
                .formatted(id, id, code, start, end, procedure, requiredClinicians, minimumLevel, seats,
                        traineesPerSupervisor));
        return id;
    }

    String absence(String clinicianId, Instant from, Instant until) {
        String id = UUID.randomUUID().toString();
        publish(Topics.ACTIVITIES, EventTypes.ABSENCE, "absence/" + id, """
                {"id":"%s","clinicianId":"%s","from":"%s","until":"%s","reason":"Annual leave","version":0}"""
                .formatted(id, clinicianId, from, until));
        return id;
    }

    void publish(String topic, String type, String key, String data) {
        kafka.send(topic, key, data, Map.of(
                "ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(),
                "ce_source", topic.contains("credential") ? "/rota/credential-service" : "/rota/activity-service",
                "ce_type", type,
                "ce_subject", key.substring(key.indexOf('/') + 1),
                "content-type", "application/json"));
    }
}
