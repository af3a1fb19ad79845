package org.rota.tools.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.rota.tools.client.RotaClient;
import org.rota.tools.client.RotaClient.Reply;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Loads the demo hospital through the services' REST APIs (once: a second run finds it there), waits until the solver
 * has published an allocation for every demo week, and prints a summary per week, then the renewals that would
 * cover most seats at risk.
 *
 * <p>Usage: {@code DemoLoader [seed]}; service URLs from ROTA_CREDENTIALS_URL, ROTA_ACTIVITIES_URL, ROTA_SOLVER_URL;
 * signed in as the demo users credentialing and scheduler ({@link RotaClient#local()}).
 */
public final class DemoLoader {

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 2026L;
        RotaClient rota = RotaClient.local();
        LocalDate firstMonday = load(rota, seed, LocalDate.now(DemoDepartment.ZONE));
        // a window's first solve may take its whole time limit (solver.time-limit-seconds, 10 s), one after another
        int windows = DemoDepartment.WEEKS * DemoDepartment.DEPARTMENTS.size();
        AllocationSummary.awaitAndPrint(rota, firstMonday, DemoDepartment.WEEKS, DemoDepartment.DEPARTMENTS,
                Duration.ofSeconds(15L * windows));
        RenewalSummary.print(rota, firstMonday, DemoDepartment.WEEKS, 3);
    }

    /**
     * Loads the demo unless it is there already; returns the Monday its four weeks start on. A hospital loaded
     * before the teaching department existed gets that department added, on the weeks loaded then.
     */
    static LocalDate load(RotaClient rota, long seed, LocalDate today) {
        if (!clinicianExists(rota, "DEMO-HR-001")) {
            DemoDepartment demo = new DemoDepartment(seed, today);
            System.out.printf("Loading the demo hospital: %d clinicians, %d procedures, %d credentials, %d activities,"
                    + " %d absences, %d preferences ...%n", demo.clinicians.size(), DemoDepartment.PROCEDURES.size(),
                    demo.credentials.size(), demo.activities.size(), demo.absences.size(), demo.preferences.size());
            load(rota, demo, department -> true);
            return demo.firstMonday;
        }
        LocalDate loadedMonday = firstLoadedMonday(rota);
        // generated as on the day before the weeks loaded then, so that its weeks are those
        DemoDepartment demo = new DemoDepartment(seed, loadedMonday.minusDays(1));
        String firstTeacher = demo.clinicians.stream()
                .filter(c -> c.departments().contains(DemoDepartment.TEACHING)).findFirst().orElseThrow().externalId();
        if (clinicianExists(rota, firstTeacher)) {
            System.out.println("Demo data already loaded (weeks from " + loadedMonday + ").");
        } else {
            System.out.println("Demo data already loaded (weeks from " + loadedMonday + "); adding the teaching"
                    + " department " + DemoDepartment.TEACHING + " ...");
            load(rota, demo, DemoDepartment.TEACHING::equals);
        }
        return loadedMonday;
    }

    /** Loads what belongs to the departments {@code included} accepts (a clinician: any of theirs). */
    private static void load(RotaClient rota, DemoDepartment demo, Predicate<String> included) {
        Map<String, String> departmentOfProcedure = new HashMap<>();
        for (DemoDepartment.Procedure procedure : DemoDepartment.PROCEDURES) {
            departmentOfProcedure.put(procedure.code(), procedure.department());
            if (!included.test(procedure.department())) {
                continue;
            }
            Reply reply = rota.post(rota.credentials + "/procedures", Map.of("code", procedure.code(), "name",
                    procedure.name()));
            if (reply.status() != 409) {
                reply.require("Creating procedure " + procedure.code());
            }
        }
        Map<String, String> clinicianIds = new HashMap<>();
        for (DemoDepartment.Clinician clinician : demo.clinicians) {
            if (clinician.departments().stream().anyMatch(included)) {
                JsonNode created = rota.post(rota.credentials + "/clinicians", clinician).require("Creating a clinician");
                clinicianIds.put(clinician.externalId(), created.path("id").asText());
            }
        }
        for (DemoDepartment.Credential credential : demo.credentials) {
            if (!included.test(departmentOfProcedure.get(credential.procedureCode()))
                    || !clinicianIds.containsKey(credential.clinicianExternalId())) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("clinicianId", clinicianIds.get(credential.clinicianExternalId()));
            body.put("procedureCode", credential.procedureCode());
            body.put("level", credential.level());
            body.put("validFrom", credential.validFrom());
            body.put("validUntil", credential.validUntil());
            rota.post(rota.credentials + "/credentials", body).require("Granting a credential");
        }
        List<Map<String, Object>> items = demo.activities.stream().filter(a -> included.test(a.department()))
                .map(activity -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("externalId", activity.externalId());
                    item.put("department", activity.department());
                    item.put("title", activity.title());
                    item.put("start", activity.start());
                    item.put("end", activity.end());
                    item.put("location", activity.location());
                    item.put("procedureCode", activity.procedureCode());
                    if (activity.seats() == null) {
                        item.put("requiredClinicians", activity.requiredClinicians());
                        item.put("minimumLevel", activity.minimumLevel());
                    } else {
                        item.put("seats", activity.seats());
                        item.put("traineesPerSupervisor", activity.traineesPerSupervisor());
                    }
                    return item;
                }).toList();
        rota.post(rota.activities + "/activities/batch", Map.of("items", items)).require("Importing the activities");
        for (DemoDepartment.Absence absence : demo.absences) {
            if (clinicianIds.containsKey(absence.clinicianExternalId())) {
                rota.post(rota.activities + "/absences", Map.of("clinicianId",
                        clinicianIds.get(absence.clinicianExternalId()), "from", absence.from(), "until",
                        absence.until(), "reason", absence.reason())).require("Recording an absence");
            }
        }
        for (DemoDepartment.Preference preference : demo.preferences) {
            if (clinicianIds.containsKey(preference.clinicianExternalId())) {
                rota.post(rota.activities + "/preferences", Map.of("clinicianId",
                        clinicianIds.get(preference.clinicianExternalId()), "date", preference.date(), "kind",
                        preference.kind())).require("Recording a day preference");
            }
        }
    }

    private static boolean clinicianExists(RotaClient rota, String externalId) {
        Reply existing = rota.get(rota.credentials + "/clinicians?externalId=" + externalId);
        return existing.ok() && existing.body().path("totalItems").asInt() > 0;
    }

    /** The demo's first week, as loaded earlier (its activities keep their dates across restarts). */
    private static LocalDate firstLoadedMonday(RotaClient rota) {
        JsonNode page = rota.get(rota.activities + "/activities?size=1&department=UROLOGY").require("Listing activities");
        JsonNode first = page.path("items").path(0);
        if (first.isMissingNode()) {
            return LocalDate.now(DemoDepartment.ZONE);
        }
        LocalDate day = java.time.Instant.parse(first.path("start").asText()).atZone(DemoDepartment.ZONE).toLocalDate();
        return day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    }

    private DemoLoader() {
    }
}
