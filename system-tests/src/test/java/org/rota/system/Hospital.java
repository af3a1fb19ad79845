package org.rota.system;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rota.tools.client.RotaClient;

import com.fasterxml.jackson.databind.JsonNode;

/** What a scheduler does through the REST APIs: a department of its own per test, in a week still to come. */
final class Hospital {

    static final ZoneId ZONE = ZoneId.of("Europe/London");

    final RotaClient rota;
    final String department = "E2E" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final LocalDate monday;

    Hospital(RotaClient rota, int weeksAhead) {
        this.rota = rota;
        this.monday = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeksAhead);
    }

    String windowId() {
        return department + "/" + monday;
    }

    Instant at(int day, int hour) {
        return monday.plusDays(day).atTime(hour, 0).atZone(ZONE).toInstant();
    }

    String procedure() {
        String code = "E" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
        rota.post(rota.credentials + "/procedures", Map.of("code", code, "name", "Procedure " + code))
                .require("Creating a procedure");
        return code;
    }

    String clinician(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalId", "HR-" + UUID.randomUUID());
        body.put("displayName", name);
        body.put("role", "FACULTY");
        body.put("departments", List.of(department));
        body.put("fte", 1.0);
        return rota.post(rota.credentials + "/clinicians", body).require("Creating a clinician").path("id").asText();
    }

    JsonNode clinicianState(String id) {
        return rota.get(rota.credentials + "/clinicians/" + id).require("Reading a clinician");
    }

    String credential(String clinician, String procedure, String level, String externalId) {
        return credential(clinician, procedure, level, externalId, null);
    }

    /** A credential valid from 2026-01-01 until {@code validUntil} (inclusive; null: no end). */
    String credential(String clinician, String procedure, String level, String externalId, LocalDate validUntil) {
        Map<String, Object> body = new HashMap<>();
        body.put("validUntil", validUntil);
        body.put("clinicianId", clinician);
        body.put("procedureCode", procedure);
        body.put("level", level);
        body.put("validFrom", "2026-01-01");
        if (externalId != null) {
            body.put("externalId", externalId);
        }
        return rota.post(rota.credentials + "/credentials", body).require("Granting a credential").path("id").asText();
    }

    /** Imports the activities in one batch; returns their ids in the order given. */
    List<String> activities(List<Map<String, Object>> items) {
        JsonNode result = rota.post(rota.activities + "/activities/batch", Map.of("items", items))
                .require("Importing activities");
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> item : items) {
            JsonNode found = rota.get(rota.activities + "/activities?department=" + department + "&size=500")
                    .require("Listing activities");
            for (JsonNode activity : found.path("items")) {
                if (activity.path("externalId").asText().equals(item.get("externalId"))) {
                    ids.add(activity.path("id").asText());
                }
            }
        }
        if (ids.size() != items.size()) {
            throw new IllegalStateException("Imported " + items.size() + " activities, found " + ids.size() + ": "
                    + result);
        }
        return ids;
    }

    Map<String, Object> activity(String procedure, int day, int hour, int required) {
        Map<String, Object> item = new HashMap<>();
        item.put("externalId", "EHR-" + UUID.randomUUID());
        item.put("department", department);
        item.put("title", procedure == null ? "Clinic" : procedure + " list");
        item.put("start", at(day, hour));
        item.put("end", at(day, hour + 3));
        item.put("location", "Room 1");
        item.put("procedureCode", procedure);
        item.put("requiredClinicians", required);
        return item;
    }
}
