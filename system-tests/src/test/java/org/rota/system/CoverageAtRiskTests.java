package org.rota.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Coverage at risk against the running services: what a lapsing credential empties, and what renewing it fills. */
class CoverageAtRiskTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static RotaSystem system;

    @BeforeAll
    static void startRota() {
        system = RotaSystem.get();
    }

    @Test
    void aCredentialExpiringBeforeALaterListMakesItUncoverableAndRenewingItFillsTheSeat() {
        Hospital hospital = new Hospital(system.rota, 5);
        String procedure = hospital.procedure();
        String steady = hospital.clinician("Dr Steady");
        String lapsing = hospital.clinician("Dr Lapsing");
        hospital.credential(steady, procedure, "QUALIFIED", null);
        String credential = hospital.credential(lapsing, procedure, "QUALIFIED", null, hospital.monday.plusDays(1));
        List<String> lists = hospital.activities(List.of(
                hospital.activity(procedure, 0, 8, 2),
                hospital.activity(procedure, 3, 8, 2)));
        String early = lists.get(0);
        String later = lists.get(1);

        JsonNode atRisk = awaitAtRisk(hospital, page -> "UNCOVERABLE".equals(risk(page, later)));
        JsonNode entry = entry(atRisk, later);
        assertThat(entry.path("seats").asInt()).isEqualTo(2);
        assertThat(entry.path("eligible").asInt()).isEqualTo(1);
        assertThat(entry.path("fixes")).hasSize(1);
        assertThat(entry.path("fixes").path(0).path("credentialId").asText()).isEqualTo(credential);
        assertThat(entry.path("fixes").path(0).path("clinicianId").asText()).isEqualTo(lapsing);
        assertThat(entry.path("fixes").path(0).path("change").asText()).isEqualTo("RENEW");
        assertThat(risk(atRisk, early)).isEqualTo("NO_SPARE"); // both can still serve before the credential lapses
        JsonNode before = Allocations.await(system.topics, hospital.windowId(),
                a -> unfilledSeats(a, later) == 1 && unfilledSeats(a, early) == 0, PATIENCE);

        JsonNode state = system.rota.get(system.rota.credentials + "/credentials/" + credential)
                .require("Reading the credential");
        Map<String, Object> renewal = new HashMap<>();
        renewal.put("level", "QUALIFIED");
        renewal.put("validFrom", "2026-01-01");
        renewal.put("validUntil", hospital.monday.plusYears(2).toString());
        renewal.put("version", state.path("version").asLong());
        system.rota.put(system.rota.credentials + "/credentials/" + credential, renewal).require("Renewing");

        // no longer uncoverable; with exactly its two holders it has no spare, and nothing left to fix
        JsonNode after = awaitAtRisk(hospital, page -> "NO_SPARE".equals(risk(page, later)));
        assertThat(entry(after, later).path("fixes")).isEmpty();
        JsonNode filled = Allocations.await(system.topics, hospital.windowId(),
                a -> a.path("version").asLong() > before.path("version").asLong() && unfilledSeats(a, later) == 0,
                PATIENCE);
        assertThat(holders(filled, later)).containsExactlyInAnyOrder(steady, lapsing);
    }

    @Test
    void renewalsAreRankedBySeatsCovered() {
        Hospital hospital = new Hospital(system.rota, 6);
        String procedure = hospital.procedure();
        String steady = hospital.clinician("Dr Steady");
        String soon = hospital.clinician("Dr Lapsing Soon");
        String later = hospital.clinician("Dr Lapsing Later");
        hospital.credential(steady, procedure, "QUALIFIED", null);
        // soon's lapses before the lists of Wednesday, Thursday and Friday; later's before Friday's only
        String soonCredential = hospital.credential(soon, procedure, "QUALIFIED", null, hospital.monday.plusDays(1));
        String laterCredential = hospital.credential(later, procedure, "QUALIFIED", null, hospital.monday.plusDays(3));
        hospital.activities(List.of(
                hospital.activity(procedure, 2, 8, 2),
                hospital.activity(procedure, 3, 8, 2),
                hospital.activity(procedure, 4, 8, 2)));

        JsonNode renewals = await().atMost(PATIENCE).until(() -> renewals(hospital),
                page -> page.path("totalItems").asInt() == 2);

        assertThat(renewals.path("items").path(0).path("credentialId").asText()).isEqualTo(soonCredential);
        assertThat(renewals.path("items").path(0).path("seatsCovered").asInt()).isEqualTo(3);
        assertThat(renewals.path("items").path(0).path("activities")).hasSize(3);
        assertThat(renewals.path("items").path(1).path("credentialId").asText()).isEqualTo(laterCredential);
        assertThat(renewals.path("items").path(1).path("seatsCovered").asInt()).isEqualTo(1);
    }

    private static JsonNode awaitAtRisk(Hospital hospital, java.util.function.Predicate<JsonNode> done) {
        return await().atMost(PATIENCE).until(() -> system.rota.get(system.rota.solver + "/coverage/at-risk?from="
                + hospital.monday + "&to=" + hospital.monday.plusDays(6) + "&department=" + hospital.department)
                .require("Reading the activities at risk"), done::test);
    }

    private static JsonNode renewals(Hospital hospital) {
        return system.rota.get(system.rota.solver + "/coverage/renewals?from=" + hospital.monday + "&to="
                + hospital.monday.plusDays(6) + "&department=" + hospital.department).require("Reading the renewals");
    }

    private static JsonNode entry(JsonNode page, String activityId) {
        for (JsonNode item : page.path("items")) {
            if (item.path("activityId").asText().equals(activityId)) {
                return item;
            }
        }
        return null;
    }

    private static String risk(JsonNode page, String activityId) {
        JsonNode item = entry(page, activityId);
        return item == null ? null : item.path("risk").asText();
    }

    private static int unfilledSeats(JsonNode allocation, String activityId) {
        int seats = 0;
        for (JsonNode entry : allocation.path("unfilled")) {
            if (entry.path("activityId").asText().equals(activityId)) {
                seats += entry.path("seats").asInt();
            }
        }
        return seats;
    }

    private static List<String> holders(JsonNode allocation, String activityId) {
        List<String> holders = new ArrayList<>();
        for (JsonNode entry : allocation.path("assignments")) {
            if (entry.path("activityId").asText().equals(activityId)) {
                holders.add(entry.path("clinicianId").asText());
            }
        }
        return holders;
    }
}
