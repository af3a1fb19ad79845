package org.rota.solver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rota.events.AbsenceEvent;
import org.rota.events.ActivityEvent;
import org.rota.events.ActivityStatus;
import org.rota.events.ClinicianEvent;
import org.rota.events.CredentialEvent;
import org.rota.events.CredentialLevel;
import org.rota.events.CredentialStatus;
import org.rota.events.CredentialStatusChange;
import org.rota.events.DayPreferenceEvent;
import org.rota.events.DayPreferenceKind;
import org.rota.events.SeatGroup;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.KafkaTestClient;
import org.rota.infra.LocalPostgres;
import org.rota.solver.domain.KnownAbsence;
import org.rota.solver.domain.KnownActivity;
import org.rota.solver.domain.KnownClinician;
import org.rota.solver.domain.KnownCredential;
import org.rota.solver.domain.KnownPreference;
import org.rota.solver.repository.ReadModelRepository;
import org.rota.solver.service.ChangeProjection;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The read model follows the change topics: it reads exactly what the producers' contract records write, applies a
 * version only over an older one (atomically), matches departments exactly, and sends what it cannot apply to the
 * dead-letter topic with the reason while the rest goes on.
 */
@QuarkusTest
class ReadModelTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant UPDATED = Instant.parse("2026-11-26T00:00:00Z");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ChangeProjection projection;

    @Inject
    ReadModelRepository readModel;

    @Test
    void duplicateAndStaleEventsChangeNothing() {
        Department d = new Department();
        String id = UUID.randomUUID().toString();
        d.clinician(id, "Dr Version Two", 2, true);
        d.clinician(id, "Dr Version Two", 2, true);
        d.clinician(id, "Dr Version One", 1, true);
        String marker = d.clinician("Dr Marker", 0, true);
        // the marker shares the topic; once it is applied, the three earlier events were consumed
        await().atMost(PATIENCE).until(() -> find(KnownClinician.class, marker) != null);
        await().atMost(PATIENCE).until(() -> find(KnownClinician.class, id) != null);

        KnownClinician held = find(KnownClinician.class, id);
        assertThat(held.version).isEqualTo(2);
        assertThat(held.displayName).isEqualTo("Dr Version Two");
    }

    @Test
    void concurrentConsumersNeverLetAnOlderVersionOverwriteANewerOne() throws Exception {
        UUID id = UUID.randomUUID();
        int threads = 6;
        int versions = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ChangeEvents events = new ChangeEvents(json)) {
            // on the topic too, where the live consumers race the threads below (and a rebuild finds them)
            for (int version = 0; version < versions; version++) {
                events.publish(clinician(id, "v" + version, List.of("RACE-" + version), version));
            }
            List<Future<List<ChangeProjection.Rejected>>> outcomes = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                outcomes.add(pool.submit(() -> {
                    List<ChangeProjection.Rejected> rejected = new ArrayList<>();
                    // each thread applies its share of the versions, one transaction each, interleaved with the others
                    for (int version = thread; version < versions; version += threads) {
                        rejected.addAll(projection.apply(List.of(events.record(clinician(id, "v" + version,
                                List.of("RACE-" + version), version), version))));
                    }
                    return rejected;
                }));
            }
            for (Future<List<ChangeProjection.Rejected>> outcome : outcomes) {
                assertThat(outcome.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }

        KnownClinician held = find(KnownClinician.class, id.toString());
        assertThat(held.version).isEqualTo(versions - 1);
        assertThat(held.displayName).isEqualTo("v" + (versions - 1));
        assertThat(departmentsOf(id)).containsExactly("RACE-" + (versions - 1));
    }

    @Test
    void theProjectorReadsExactlyWhatTheProducersRecordsWrite() {
        Department d = new Department();
        UUID clinicianId = UUID.randomUUID();
        ClinicianEvent clinician = new ClinicianEvent(clinicianId, "HR-" + clinicianId, "Dr Contract", "FACULTY",
                List.of(d.code, d.code + "-B"), new BigDecimal("0.80"), 2100, false, 3, UPDATED);
        CredentialEvent credential = new CredentialEvent(UUID.randomUUID(), "CR-1", clinicianId, "VAS",
                CredentialLevel.EXPERT, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 6, 30), CredentialStatus.SUSPENDED,
                3, 2, UPDATED, List.of(new CredentialStatusChange(CredentialStatus.ACTIVE, null),
                        new CredentialStatusChange(CredentialStatus.SUSPENDED, d.at(2, 10))));
        List<SeatGroup> seats = List.of(new SeatGroup(CredentialLevel.EXPERT, 1, false),
                new SeatGroup(CredentialLevel.QUALIFIED, 1, false), new SeatGroup(CredentialLevel.TRAINEE, 2, true));
        ActivityEvent activity = new ActivityEvent(UUID.randomUUID(), "EHR-1", d.code, "Vasectomy list", d.at(0, 8),
                d.at(0, 12), "Theatre 2", "VAS", 2, CredentialLevel.QUALIFIED, seats, 1, ActivityStatus.CANCELLED, 4,
                UPDATED);
        AbsenceEvent absence = new AbsenceEvent(UUID.randomUUID(), clinicianId, d.at(1, 0), d.at(2, 0), "Leave", true,
                1, UPDATED);
        DayPreferenceEvent preference = new DayPreferenceEvent(UUID.randomUUID(), clinicianId, d.monday.plusDays(3),
                DayPreferenceKind.UNDESIRED, true, 2, UPDATED);
        try (ChangeEvents events = new ChangeEvents(json)) {
            events.publish(clinician);
            events.publish(credential);
            events.publish(activity);
            events.publish(absence);
            events.publish(preference);
        }

        await().atMost(PATIENCE).until(() -> find(KnownClinician.class, clinicianId.toString()) != null
                && find(KnownCredential.class, credential.id().toString()) != null
                && find(KnownActivity.class, activity.id().toString()) != null
                && find(KnownAbsence.class, absence.id().toString()) != null
                && find(KnownPreference.class, preference.id().toString()) != null);

        KnownClinician c = find(KnownClinician.class, clinicianId.toString());
        assertThat(List.of(c.externalId, c.displayName, c.fte, c.maxMinutesPerWeek, c.active, c.version))
                .containsExactly(clinician.externalId(), clinician.displayName(), clinician.fte(),
                        clinician.maxMinutesPerWeek(), clinician.active(), clinician.version());
        assertThat(departmentsOf(clinicianId)).containsExactlyInAnyOrderElementsOf(clinician.departments());
        KnownCredential k = find(KnownCredential.class, credential.id().toString());
        assertThat(List.of(k.clinicianId, k.procedureCode, k.level, k.validFrom, k.validUntil, k.status, k.maxPerWeek,
                k.version)).containsExactly(credential.clinicianId(), credential.procedureCode(), credential.level(),
                        credential.validFrom(), credential.validUntil(), credential.status(), credential.maxPerWeek(),
                        credential.version());
        assertThat(stepsOf(credential.id())).isEqualTo(credential.statusHistory());
        KnownActivity a = find(KnownActivity.class, activity.id().toString());
        assertThat(List.of(a.department, a.title, a.location, a.start, a.end, a.procedureCode, a.requiredClinicians,
                a.minimumLevel, a.status, a.version)).containsExactly(activity.department(), activity.title(),
                        activity.location(), activity.start(), activity.end(), activity.procedureCode(),
                        activity.requiredClinicians(), activity.minimumLevel(), activity.status().name(),
                        activity.version());
        assertThat(a.seats).isEqualTo(activity.seats());
        assertThat(a.traineesPerSupervisor).isEqualTo(activity.traineesPerSupervisor());
        KnownAbsence b = find(KnownAbsence.class, absence.id().toString());
        assertThat(List.of(b.clinicianId, b.from, b.until, b.removed, b.version)).containsExactly(
                absence.clinicianId(), absence.from(), absence.until(), absence.deleted(), absence.version());
        KnownPreference p = find(KnownPreference.class, preference.id().toString());
        assertThat(List.of(p.clinicianId, p.day, p.kind, p.removed, p.version)).containsExactly(
                preference.clinicianId(), preference.date(), preference.kind().name(), preference.deleted(),
                preference.version());
    }

    @Test
    void aCredentialsStatusHistoryIsReplacedOnlyByANewerVersionAndKeepsItsOrder() {
        UUID id = UUID.randomUUID();
        UUID clinician = UUID.randomUUID();
        Instant wednesday = Instant.parse("2026-12-09T10:00:00Z");
        Instant friday = Instant.parse("2026-12-11T17:00:00Z");
        List<CredentialStatusChange> suspended = List.of(new CredentialStatusChange(CredentialStatus.ACTIVE, null),
                new CredentialStatusChange(CredentialStatus.SUSPENDED, wednesday));
        List<CredentialStatusChange> reinstated = List.of(suspended.get(0), suspended.get(1),
                new CredentialStatusChange(CredentialStatus.ACTIVE, friday));
        try (ChangeEvents events = new ChangeEvents(json)) {
            for (CredentialEvent event : List.of(credential(id, clinician, CredentialStatus.SUSPENDED, 1, suspended),
                    credential(id, clinician, CredentialStatus.ACTIVE, 2, reinstated),
                    credential(id, clinician, CredentialStatus.SUSPENDED, 1, suspended))) {
                assertThat(projection.apply(List.of(events.record(event, event.version())))).isEmpty();
            }
        }

        assertThat(find(KnownCredential.class, id.toString()).version).isEqualTo(2);
        assertThat(stepsOf(id)).isEqualTo(reinstated);
    }

    @Test
    void departmentCodesMatchExactlyEvenWithWildcardCharacters() {
        Department d = new Department();
        UUID underscore = UUID.randomUUID();
        UUID hyphen = UUID.randomUUID();
        UUID percent = UUID.randomUUID();
        try (ChangeEvents events = new ChangeEvents(json)) {
            events.publish(clinician(underscore, "Dr Underscore", List.of(d.code + "GI_1"), 0));
            events.publish(clinician(hyphen, "Dr Hyphen", List.of(d.code + "GI-1"), 0));
            events.publish(clinician(percent, "Dr Percent", List.of(d.code + "G%"), 0));
        }
        await().atMost(PATIENCE).until(() -> find(KnownClinician.class, underscore.toString()) != null
                && find(KnownClinician.class, hyphen.toString()) != null
                && find(KnownClinician.class, percent.toString()) != null);

        assertThat(idsOf(d.code + "GI_1")).containsExactly(underscore);
        assertThat(idsOf(d.code + "GI-1")).containsExactly(hyphen);
        assertThat(idsOf(d.code + "G%")).containsExactly(percent);
        assertThat(idsOf(d.code + "G_-1")).isEmpty();
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheProjectionGoesOn() {
        Department d = new Department();
        d.publish(Topics.CREDENTIALS, EventTypes.CREDENTIAL, "credential/poison", "{\"id\":\"not-a-uuid\",\"version\":0}");
        d.publish(Topics.CREDENTIALS, EventTypes.CREDENTIAL, "credential/garbage", "<xml/>");
        String next = d.clinician("Dr After Poison", 0, true);

        await().atMost(PATIENCE).until(() -> find(KnownClinician.class, next) != null);
        List<ConsumerRecord<String, String>> dead = d.kafka.await(Topics.deadLetter(Topics.CREDENTIALS),
                record -> List.of("credential/poison", "credential/garbage").contains(record.key()), 2, PATIENCE);
        assertThat(dead).hasSize(2);
        assertThat(dead).allSatisfy(record ->
                assertThat(KafkaTestClient.header(record, "dead-letter-reason")).isNotBlank());
    }

    @Test
    void anEventTheSolverWouldRejectIsDeadLetteredAndItsWindowIsStillPlanned() {
        Department d = new Department();
        String noSeats = UUID.randomUUID().toString();
        String endsAtStart = UUID.randomUUID().toString();
        d.activity(noSeats, null, d.at(0, 8), d.at(0, 12), 0, "SCHEDULED", 0);
        d.activity(endsAtStart, null, d.at(1, 8), d.at(1, 8), 1, "SCHEDULED", 0);
        String clinician = d.clinician("Dr Still Planned", 0, true);
        String clinic = d.activity(null, d.at(2, 8), d.at(2, 12), 1);

        List<ConsumerRecord<String, String>> dead = d.kafka.await(Topics.deadLetter(Topics.ACTIVITIES),
                record -> List.of("activity/" + noSeats, "activity/" + endsAtStart).contains(record.key()), 2,
                PATIENCE);
        assertThat(dead).extracting(record -> record.key() + " " + KafkaTestClient.header(record, "dead-letter-reason"))
                .anySatisfy(line -> assertThat(line).startsWith("activity/" + noSeats)
                        .contains("activities[].requiredClinicians"))
                .anySatisfy(line -> assertThat(line).startsWith("activity/" + endsAtStart)
                        .contains("activities[].end"));
        assertThat(find(KnownActivity.class, noSeats)).isNull();
        var allocation = AllocationFlowTests.awaitAllocation(d, a -> a.getList("assignments").size() == 1);
        assertThat(allocation.getString("assignments[0].activityId")).isEqualTo(clinic);
        assertThat(allocation.getString("assignments[0].clinicianId")).isEqualTo(clinician);
    }

    @Test
    void aRecordTheDatabaseRefusesGoesAloneToTheDeadLetterTopic() {
        Department d = new Department();
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        String tooLong = d.code + "-A-DEPARTMENT-CODE-LONGER-THAN-THE-COLUMN-TAKES";
        try (ChangeEvents events = new ChangeEvents(json)) {
            events.publish(clinician(before, "Dr Before", List.of(d.code), 0));
            events.publish(new ActivityEvent(refused, "EHR-X", tooLong, "List", d.at(0, 8), d.at(0, 12), "Room", null,
                    1, CredentialLevel.QUALIFIED, ActivityStatus.SCHEDULED, 0, UPDATED));
            events.publish(clinician(after, "Dr After", List.of(d.code), 0));
        }

        List<ConsumerRecord<String, String>> dead = d.kafka.await(Topics.deadLetter(Topics.ACTIVITIES),
                record -> record.key().equals("activity/" + refused), 1, PATIENCE);
        assertThat(dead).hasSize(1);
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason")).contains("refused").contains("too long");
        await().atMost(PATIENCE).until(() -> find(KnownClinician.class, before.toString()) != null
                && find(KnownClinician.class, after.toString()) != null);
        assertThat(find(KnownActivity.class, refused.toString())).isNull();
    }

    @Test
    void eventsArrivingWhileTheDatabaseDropsEveryConnectionAreAllAppliedAndNoneDeadLettered() throws Exception {
        Department d = new Department();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(UUID.randomUUID());
        }
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection operator = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.PASSWORD);
                Statement kill = operator.createStatement();
                ChangeEvents events = new ChangeEvents(json)) {
            // for three seconds the service loses every connection as soon as it has one, while events arrive
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            int published = 0;
            while (System.nanoTime() < until || published < ids.size()) {
                kill.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
                for (int i = 0; i < 10 && published < ids.size(); i++, published++) {
                    events.publish(clinician(ids.get(published), "Dr Outage " + published, List.of(d.code), 0));
                }
                events.flush();
            }
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                (Long) em.createQuery("SELECT count(c) FROM KnownClinician c WHERE c.id IN :ids")
                        .setParameter("ids", ids).getSingleResult()) == ids.size());
        Set<String> keys = new java.util.HashSet<>();
        ids.forEach(id -> keys.add("clinician/" + id));
        assertThat(d.kafka.readFor(Topics.deadLetter(Topics.CREDENTIALS), record -> keys.contains(record.key()),
                Duration.ofSeconds(3))).isEmpty();
    }

    private static ClinicianEvent clinician(UUID id, String name, List<String> departments, long version) {
        return new ClinicianEvent(id, "HR-" + id, name, "FACULTY", departments, BigDecimal.ONE, 2400, true, version,
                UPDATED);
    }

    private static CredentialEvent credential(UUID id, UUID clinician, CredentialStatus status, long version,
            List<CredentialStatusChange> history) {
        return new CredentialEvent(id, null, clinician, "VAS", CredentialLevel.EXPERT, LocalDate.of(2026, 1, 1), null,
                status, null, version, UPDATED, history);
    }

    private List<CredentialStatusChange> stepsOf(UUID credential) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(KnownCredential.class, credential).statusHistory
                .stream().map(step -> new CredentialStatusChange(step.status, step.effectiveFrom)).toList());
    }

    private <T> T find(Class<T> entity, String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(entity, UUID.fromString(id)));
    }

    private Set<String> departmentsOf(UUID clinician) {
        return QuarkusTransaction.requiringNew().call(() -> Set.copyOf(em.find(KnownClinician.class, clinician)
                .departments));
    }

    private List<UUID> idsOf(String department) {
        return QuarkusTransaction.requiringNew().call(() -> readModel.cliniciansOf(department).stream()
                .map(clinician -> clinician.id).toList());
    }
}
