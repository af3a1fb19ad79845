package org.rota.tools.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rota.tools.client.RotaClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Prints, per week and department, the seats filled and left empty (with why), experts against qualified, and the
 * trainee seats filled; then how many trainee seats were filled under supervision over the whole period.
 */
public final class AllocationSummary {

    private static final String TRAINEE = "TRAINEE";

    /** Trainee seats over the whole period: filled (always under supervision: a hard rule) and left empty, by reason. */
    private static final class TraineeSeats {
        int filled;
        int seats;
        final Map<String, Integer> empty = new TreeMap<>();
    }

    public static void awaitAndPrint(RotaClient rota, LocalDate firstMonday, int weeks, List<String> departments,
            Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        int expected = weeks * departments.size();
        Map<String, JsonNode> byDepartment = new TreeMap<>();
        int published = 0;
        while (true) {
            published = 0;
            for (String department : departments) {
                JsonNode allocation = range(rota, firstMonday, weeks, department);
                byDepartment.put(department, allocation);
                published += allocation.path("windows").size();
            }
            if (published >= expected || System.nanoTime() > deadline) {
                break;
            }
            sleep();
        }
        System.out.printf("%nAllocation (%d of %d planning windows published):%n", published, expected);
        System.out.printf("  %-10s %-9s %6s %6s %8s %9s %8s  %s%n", "week of", "dept", "seats", "filled", "experts",
                "qualified", "trainees", "unfilled (reason)");
        TraineeSeats trainees = new TraineeSeats();
        for (int week = 0; week < weeks; week++) {
            LocalDate monday = firstMonday.plusWeeks(week);
            for (String department : departments) {
                printWeek(monday, department, byDepartment.get(department), trainees);
            }
        }
        if (trainees.seats > 0) {
            System.out.printf("Trainee seats filled under supervision: %d of %d%s%n", trainees.filled, trainees.seats,
                    trainees.empty.isEmpty() ? "" : "; left empty " + trainees.empty);
        }
        System.out.println();
    }

    private static void printWeek(LocalDate monday, String department, JsonNode allocation, TraineeSeats trainees) {
        String windowId = department + "/" + monday;
        int filled = 0;
        int experts = 0;
        int qualified = 0;
        int traineeSeats = 0;
        int traineesIn = 0;
        for (JsonNode entry : allocation.path("assignments")) {
            if (inWeek(entry, monday)) {
                filled++;
                if ("EXPERT".equals(entry.path("level").asText())) {
                    experts++;
                } else if ("QUALIFIED".equals(entry.path("level").asText())) {
                    qualified++;
                }
                if (TRAINEE.equals(entry.path("seat").asText())) {
                    traineeSeats++;
                    traineesIn++;
                }
            }
        }
        int unfilled = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        for (JsonNode entry : allocation.path("unfilled")) {
            if (inWeek(entry, monday)) {
                int seats = entry.path("seats").asInt();
                unfilled += seats;
                String reason = entry.path("reason").asText();
                reasons.merge(entry.path("optional").asBoolean() ? reason + " (optional)" : reason, seats,
                        Integer::sum);
                if (TRAINEE.equals(entry.path("level").asText())) {
                    traineeSeats += seats;
                    trainees.empty.merge(reason, seats, Integer::sum);
                }
            }
        }
        trainees.filled += traineesIn;
        trainees.seats += traineeSeats;
        boolean solved = false;
        for (JsonNode window : allocation.path("windows")) {
            solved |= window.path("windowId").asText().equals(windowId);
        }
        System.out.printf("  %-10s %-9s %6d %6d %8d %9d %8s  %s%n", monday, department, filled + unfilled, filled,
                experts, qualified, traineeSeats == 0 ? "-" : traineesIn + "/" + traineeSeats,
                !solved ? "(not solved yet)" : unfilled == 0 ? "-" : unfilled + " " + reasons);
    }

    private static boolean inWeek(JsonNode entry, LocalDate monday) {
        LocalDate day = java.time.Instant.parse(entry.path("start").asText()).atZone(DemoDepartment.ZONE).toLocalDate();
        return !day.isBefore(monday) && day.isBefore(monday.plusWeeks(1));
    }

    private static JsonNode range(RotaClient rota, LocalDate firstMonday, int weeks, String department) {
        return rota.get(rota.solver + "/allocations?from=" + firstMonday + "&to=" + firstMonday.plusWeeks(weeks)
                + "&department=" + department).require("Reading the allocation");
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private AllocationSummary() {
    }
}
