package org.rota.tools.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.rota.tools.client.RotaClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Prints what the credentialing office should do first: how many activities of the period are at risk, and the top
 * renewals (GET /coverage/renewals), e.g. "renew TRUSB for Dr Ash Amber by 21 Dec: covers 6 seats", "by" being the
 * day of the first activity it covers.
 */
public final class RenewalSummary {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    public static void print(RotaClient rota, LocalDate firstMonday, int weeks, int top) {
        String range = "from=" + firstMonday + "&to=" + firstMonday.plusWeeks(weeks).minusDays(1);
        JsonNode atRisk = rota.get(rota.solver + "/coverage/at-risk?size=500&" + range)
                .require("Reading the activities at risk");
        int uncoverable = 0;
        for (JsonNode activity : atRisk.path("items")) {
            uncoverable += "UNCOVERABLE".equals(activity.path("risk").asText()) ? 1 : 0;
        }
        JsonNode renewals = rota.get(rota.solver + "/coverage/renewals?size=" + top + "&" + range)
                .require("Reading the renewals");
        System.out.printf("Coverage at risk: %d activities (%d uncoverable, %d with no spare); %d credential changes"
                        + " would help%s%n", atRisk.path("totalItems").asInt(), uncoverable,
                atRisk.path("totalItems").asInt() - uncoverable, renewals.path("totalItems").asInt(),
                renewals.path("items").isEmpty() ? "." : ", the first:");
        for (JsonNode renewal : renewals.path("items")) {
            JsonNode clinician = rota.get(rota.credentials + "/clinicians/" + renewal.path("clinicianId").asText())
                    .require("Reading a clinician");
            LocalDate by = Instant.parse(renewal.path("activities").path(0).path("start").asText())
                    .atZone(DemoDepartment.ZONE).toLocalDate();
            int seats = renewal.path("seatsCovered").asInt();
            System.out.printf("  %s %s for %s by %s: covers %d seat%s%n", verb(renewal.path("change").asText()),
                    renewal.path("procedureCode").asText(), clinician.path("displayName").asText(), DAY.format(by),
                    seats, seats == 1 ? "" : "s");
        }
        System.out.println();
    }

    private static String verb(String change) {
        return switch (change) {
            case "RENEW" -> "renew";
            case "REINSTATE" -> "reinstate";
            default -> "raise the level of";
        };
    }

    private RenewalSummary() {
    }
}
