package org.rota.tools.bench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.rota.tools.client.RotaClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A department of the size a benchmark names (design.md's latency target: one week, 500 activities), created through
 * the services' REST APIs: procedures, clinicians and credentials in credential-service, activities by bulk import
 * (at most 5,000 per request), on the weekdays of the weeks asked for.
 */
final class BenchDepartment {

    static final ZoneId ZONE = ZoneId.of("Europe/London");

    final String code = "BENCH" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final LocalDate monday = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
    /** credential id → (clinician id, procedure code) */
    final Map<String, String[]> credentials = new LinkedHashMap<>();

    String windowId() {
        return code + "/" + monday;
    }

    void create(RotaClient rota, int clinicianCount, int activityCount, long seed) {
        create(rota, clinicianCount, activityCount, 1, 0, seed);
    }

    /**
     * @param weeks how many weeks from {@link #monday} the activities are spread over
     * @param lapsingEvery every this many credentials lapse at the end of the first half of those weeks (0: none)
     */
    void create(RotaClient rota, int clinicianCount, int activityCount, int weeks, int lapsingEvery, long seed) {
        Random random = new Random(seed);
        List<String> procedures = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            String procedure = code.substring(5) + "P" + p;
            rota.post(rota.credentials + "/procedures", Map.of("code", procedure, "name", "Bench procedure " + p))
                    .require("Creating a procedure");
            procedures.add(procedure);
        }
        List<String> clinicians = new ArrayList<>();
        for (int c = 0; c < clinicianCount; c++) {
            Map<String, Object> body = new HashMap<>();
            body.put("externalId", code + "-HR-" + c);
            body.put("displayName", "Bench clinician " + c);
            body.put("role", "FACULTY");
            body.put("departments", List.of(code));
            body.put("fte", 1.0);
            body.put("maxMinutesPerWeek", 2400);
            JsonNode created = rota.post(rota.credentials + "/clinicians", body).require("Creating a clinician");
            String id = created.path("id").asText();
            clinicians.add(id);
            for (String procedure : procedures) {
                if (random.nextInt(10) < 4) {
                    Map<String, Object> credential = new HashMap<>();
                    credential.put("clinicianId", id);
                    credential.put("procedureCode", procedure);
                    credential.put("level", random.nextInt(3) == 0 ? "EXPERT" : "QUALIFIED");
                    credential.put("validFrom", "2026-01-01");
                    if (lapsingEvery > 0 && credentials.size() % lapsingEvery == lapsingEvery - 1) {
                        credential.put("validUntil", monday.plusDays(7L * weeks / 2 - 1).toString());
                    }
                    JsonNode granted = rota.post(rota.credentials + "/credentials", credential)
                            .require("Granting a credential");
                    credentials.put(granted.path("id").asText(), new String[] {id, procedure});
                }
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (int a = 0; a < activityCount; a++) {
            int day = 7 * (a % (5 * weeks) / 5) + a % 5;
            int hour = 7 + random.nextInt(10);
            Instant start = monday.plusDays(day).atTime(hour, 0).atZone(ZONE).toInstant();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("externalId", code + "-EHR-" + a);
            item.put("department", code);
            item.put("title", "Bench list " + a);
            item.put("start", start);
            item.put("end", start.plusSeconds(3600L * (1 + random.nextInt(3))));
            item.put("location", "Room " + (a % 20));
            item.put("procedureCode", random.nextInt(4) == 0 ? null : procedures.get(random.nextInt(procedures.size())));
            item.put("requiredClinicians", 1 + (random.nextInt(5) == 0 ? 1 : 0));
            items.add(item);
        }
        rota.post(rota.activities + "/activities/batch", Map.of("items", items)).require("Importing activities");
    }
}
