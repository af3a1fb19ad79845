package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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
import org.rota.solver.domain.Allocation;
import org.rota.solver.domain.KnownPreference;
import org.rota.platform.security.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** {@code POST /read-model/rebuild} replays the topics beside the live model and swaps it in whole. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class ReadModelRebuildTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration REBUILD_PATIENCE = Duration.ofMinutes(5);
    private static final Instant UPDATED = Instant.parse("2026-11-26T00:00:00Z");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Test
    void theReadModelRebuiltFromOffsetZeroEqualsTheLiveOne() {
        Department d = new Department();
        UUID clinician = UUID.randomUUID();
        UUID credential = UUID.randomUUID();
        UUID lastPreference = UUID.randomUUID();
        try (ChangeEvents events = new ChangeEvents(json)) {
            events.publish(new ClinicianEvent(clinician, "HR-" + clinician, "Dr Rebuilt", "FACULTY",
                    List.of(d.code, d.code + "_B"), new BigDecimal("0.60"), 1800, true, 0, UPDATED));
            events.publish(new CredentialEvent(credential, null, clinician, "VAS", CredentialLevel.EXPERT,
                    LocalDate.of(2026, 1, 1), LocalDate.of(2027, 3, 31), CredentialStatus.ACTIVE, 2, 0, UPDATED));
            events.publish(new CredentialEvent(credential, null, clinician, "VAS", CredentialLevel.QUALIFIED,
                    LocalDate.of(2026, 2, 1), LocalDate.of(2027, 4, 30), CredentialStatus.SUSPENDED, 3, 1, UPDATED,
                    List.of(new CredentialStatusChange(CredentialStatus.ACTIVE, null),
                            new CredentialStatusChange(CredentialStatus.SUSPENDED, d.at(2, 10)))));
            events.publish(new ActivityEvent(UUID.randomUUID(), "EHR-1", d.code, "List", d.at(0, 8), d.at(0, 12),
                    "Theatre", "VAS", 2, CredentialLevel.QUALIFIED, List.of(new SeatGroup(CredentialLevel.EXPERT, 1,
                            false), new SeatGroup(CredentialLevel.QUALIFIED, 1, false),
                            new SeatGroup(CredentialLevel.TRAINEE, 2, true)), 1, ActivityStatus.SCHEDULED, 0, UPDATED));
            events.publish(new ActivityEvent(UUID.randomUUID(), "EHR-2", d.code, "Clinic", d.at(1, 9), d.at(1, 13),
                    "OPD", null, 1, CredentialLevel.QUALIFIED, ActivityStatus.CANCELLED, 1, UPDATED));
            events.publish(new AbsenceEvent(UUID.randomUUID(), clinician, d.at(2, 0), d.at(3, 0), "Leave", false, 0,
                    UPDATED));
            events.publish(new DayPreferenceEvent(UUID.randomUUID(), clinician, d.monday, DayPreferenceKind.DESIRED,
                    false, 0, UPDATED));
            events.publish(new DayPreferenceEvent(lastPreference, clinician, d.monday.plusDays(4),
                    DayPreferenceKind.UNDESIRED, true, 1, UPDATED));
        }
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(
                () -> em.find(KnownPreference.class, lastPreference) != null));
        List<String> live = settledSnapshot();
        assertThat(live).anySatisfy(row -> assertThat(row).startsWith("k " + credential).contains("SUSPENDED"));
        assertThat(live).anySatisfy(row -> assertThat(row).startsWith("s " + credential + " 1 SUSPENDED"));

        assertThat(rebuild()).isEqualTo(200);

        assertThat(snapshot()).isEqualTo(live);
    }

    @Test
    void aRebuildWhileSolvingNeverPublishesFromAHalfBuiltModel() throws Exception {
        // thousands of events ahead of the department's, so that a replay is long without them
        Department filler = new Department();
        try (ChangeEvents events = new ChangeEvents(json)) {
            for (int i = 0; i < 2000; i++) {
                events.publish(new ClinicianEvent(UUID.randomUUID(), null, "Dr Filler", "NURSE",
                        List.of(filler.code), BigDecimal.ONE, null, true, 0, UPDATED));
            }
        }
        Department d = new Department();
        for (int i = 0; i < 3; i++) {
            d.credential(d.clinician("Dr Steady " + i, 0, true), "VAS", "EXPERT", "ACTIVE", 0);
        }
        for (int day = 0; day < 4; day++) {
            d.activity("VAS", d.at(day, 8), d.at(day, 12), 1);
        }
        // (the first version may predate the credentials: the two topics are consumed independently)
        long before = AllocationFlowTests.awaitAllocation(d, a -> a.getList("assignments").size() == 4)
                .getLong("version");

        Instant rebuildStarted = Instant.now();
        CompletableFuture<Integer> rebuild = CompletableFuture.supplyAsync(ReadModelRebuildTests::rebuild);
        while (!rebuild.isDone()) {
            given().contentType("application/json")
                    .body(Map.of("from", d.monday.toString(), "to", d.monday.plusDays(7).toString(),
                            "department", d.code))
                    .post("/solves").then().statusCode(202);
            Thread.sleep(250); // pacing the requests, not waiting for a result
        }
        assertThat(rebuild.get()).isEqualTo(200);
        Instant rebuildFinished = Instant.now();

        // the solve the rebuild asks for once it has swapped the model in has run
        await().atMost(PATIENCE).until(() -> runs(d).stream().anyMatch(run -> run.startedAfter(rebuildFinished)
                && run.finished()));
        assertThat(runs(d)).as("solves of the window while the rebuild ran")
                .anyMatch(run -> run.startedAfter(rebuildStarted) && !run.startedAfter(rebuildFinished));
        List<JsonPath> published = published(d).stream()
                .filter(allocation -> allocation.getLong("version") > before).toList();
        assertThat(published).allSatisfy(allocation -> {
            assertThat(allocation.getList("assignments")).hasSize(4);
            assertThat(allocation.getList("unfilled")).isEmpty();
        });
    }

    /** A replay of every test's events takes a while on a busy machine: longer than the default HTTP timeout. */
    private static int rebuild() {
        return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", (int) REBUILD_PATIENCE.toMillis())))
                .post("/read-model/rebuild").then().extract().statusCode();
    }

    record Run(Instant startedAt, Instant finishedAt) {
        boolean startedAfter(Instant moment) {
            return startedAt.isAfter(moment);
        }

        boolean finished() {
            return finishedAt != null;
        }
    }

    private static List<Run> runs(Department d) {
        JsonPath page = given().queryParam("windowId", d.windowId()).queryParam("size", 500).get("/solves")
                .then().statusCode(200).extract().jsonPath();
        List<Run> runs = new ArrayList<>();
        for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
            runs.add(new Run(Instant.parse((String) item.get("startedAt")),
                    item.get("finishedAt") == null ? null : Instant.parse((String) item.get("finishedAt"))));
        }
        return runs;
    }

    /** Every allocation of the window ever published, as stored beside its outbox row. */
    private List<JsonPath> published(Department d) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "SELECT a FROM Allocation a WHERE a.windowId = :window ORDER BY a.version", Allocation.class)
                .setParameter("window", d.windowId()).getResultList().stream()
                .map(allocation -> JsonPath.from(allocation.document)).toList());
    }

    /**
     * The live model once the projection has caught up with the topics (other tests' events may still be arriving):
     * two snapshots a second apart that agree.
     */
    private List<String> settledSnapshot() {
        List<List<String>> last = new ArrayList<>(List.of(snapshot()));
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<String> now = snapshot();
            boolean settled = now.equals(last.get(0));
            last.set(0, now);
            return settled;
        });
        return last.get(0);
    }

    /** Every read-model row with every field that decides eligibility or preference, in a stable order. */
    @SuppressWarnings("unchecked")
    private List<String> snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery("""
                SELECT concat_ws(' ', 'c', c.id, c.fte, c.max_minutes_per_week, c.active, c.version,
                    (SELECT string_agg(d.department, ',' ORDER BY d.department) FROM known_clinician_department d
                     WHERE d.clinician_id = c.id)) FROM known_clinician c
                UNION ALL SELECT concat_ws(' ', 'k', id, clinician_id, procedure_code, level, valid_from,
                    coalesce(valid_until::text, '-'), status, coalesce(max_per_week::text, '-'), version)
                    FROM known_credential
                UNION ALL SELECT concat_ws(' ', 's', credential_id, position, status,
                    coalesce(effective_from::text, '-')) FROM known_credential_status
                UNION ALL SELECT concat_ws(' ', 'a', id, department, starts_at, ends_at, coalesce(procedure_code, '-'),
                    required_clinicians, minimum_level, seats::text, coalesce(trainees_per_supervisor::text, '-'),
                    status, version) FROM known_activity
                UNION ALL SELECT concat_ws(' ', 'b', id, clinician_id, starts_at, ends_at, removed, version)
                    FROM known_absence
                UNION ALL SELECT concat_ws(' ', 'p', id, clinician_id, day, kind, removed, version)
                    FROM known_preference
                ORDER BY 1""").getResultList());
    }
}
