package org.rota.solver.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

/**
 * The unit of planning: one department's ISO week (Monday to Monday in the planning zone). Its id, e.g.
 * {@code UROLOGY/2026-12-07}, keys the work topic, so one window is only ever solved by one replica at a time.
 */
public record PlanningWindow(String department, LocalDate weekStart) {

    public static PlanningWindow containing(String department, Instant instant, ZoneId zone) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        return new PlanningWindow(department, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    public static PlanningWindow parse(String id) {
        int slash = id == null ? -1 : id.lastIndexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("Not a planning window id: " + id);
        }
        try {
            LocalDate weekStart = LocalDate.parse(id.substring(slash + 1));
            if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new IllegalArgumentException("A planning window starts on a Monday: " + id);
            }
            return new PlanningWindow(id.substring(0, slash), weekStart);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a planning window id: " + id, e);
        }
    }

    public String id() {
        return department + "/" + weekStart;
    }

    public Instant from(ZoneId zone) {
        return weekStart.atStartOfDay(zone).toInstant();
    }

    public Instant to(ZoneId zone) {
        return weekStart.plusWeeks(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public String toString() {
        return id();
    }
}
