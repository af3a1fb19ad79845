package org.rota.web.grid;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import org.rota.events.ActivityEvent;
import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.events.AllocationEvent.UnfilledEntry;
import org.rota.events.ClinicianEvent;
import org.rota.web.client.SolverViews.RangeAllocation;
import org.rota.web.client.SolverViews.WindowVersion;

/** Lays out a department's activities and their current allocation as a {@link WeekGrid}. Plain Java. */
public final class WeekGridBuilder {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;

    public WeekGridBuilder(ZoneId zone) {
        this.zone = zone;
    }

    /** The first day of the range, the last day after it (exclusive). */
    public static LocalDate end(LocalDate monday, int weeks) {
        return monday.plusWeeks(weeks);
    }

    public static boolean isMonday(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.MONDAY;
    }

    public WeekGrid build(String department, LocalDate monday, int weeks, GridFilter filter,
            List<ClinicianEvent> clinicians, List<ActivityEvent> activities, RangeAllocation allocation) {
        List<WeekGrid.Column> columns = new ArrayList<>();
        Map<String, Integer> columnIndex = new HashMap<>();
        for (LocalDate day = monday; day.isBefore(end(monday, weeks)); day = day.plusDays(1)) {
            for (DayPart part : DayPart.values()) {
                columnIndex.put(key(day, part), columns.size());
                columns.add(new WeekGrid.Column(day, part, part == DayPart.AM));
            }
        }
        Map<UUID, ActivityEvent> shown = new HashMap<>();
        TreeSet<String> procedures = new TreeSet<>();
        for (ActivityEvent activity : activities) {
            if (activity.procedureCode() != null) {
                procedures.add(activity.procedureCode());
            }
            if (filter.admitsProcedure(activity.procedureCode()) && columnOf(activity.start(), columnIndex) >= 0) {
                shown.put(activity.id(), activity);
            }
        }
        Map<UUID, String> names = new HashMap<>();
        clinicians.forEach(c -> names.put(c.id(), c.displayName()));

        Map<UUID, List<List<WeekGrid.Entry>>> cellsByClinician = new HashMap<>();
        Map<UUID, List<WeekGrid.Staff>> staffByActivity = new HashMap<>();
        for (AssignmentEntry assignment : allocation.assignments()) {
            ActivityEvent activity = shown.get(assignment.activityId());
            if (activity == null) {
                continue;
            }
            String level = Objects.toString(assignment.level(), null);
            String seat = Objects.toString(assignment.seat(), null);
            staffByActivity.computeIfAbsent(activity.id(), id -> new ArrayList<>()).add(new WeekGrid.Staff(
                    assignment.clinicianId(), names.getOrDefault(assignment.clinicianId(), "(another department)"),
                    level, seat));
            List<List<WeekGrid.Entry>> cells = cellsByClinician.computeIfAbsent(assignment.clinicianId(),
                    id -> emptyCells(columns.size()));
            cells.get(columnOf(activity.start(), columnIndex)).add(new WeekGrid.Entry(activity.id(),
                    activity.title(), activity.procedureCode(), level, seat, activity.location(), span(activity),
                    assignment.markedUrgent()));
        }
        List<List<WeekGrid.UnfilledCell>> unfilled = emptyCells(columns.size());
        Map<UUID, List<WeekGrid.UnfilledCell>> unfilledByActivity = new HashMap<>();
        for (UnfilledEntry entry : allocation.unfilled()) {
            ActivityEvent activity = shown.get(entry.activityId());
            if (activity == null) {
                continue;
            }
            WeekGrid.UnfilledCell cell = new WeekGrid.UnfilledCell(activity.id(), activity.title(),
                    activity.procedureCode(), entry.seats(), Objects.toString(entry.level(), null), entry.reason(),
                    Boolean.TRUE.equals(entry.optional()), span(activity));
            unfilled.get(columnOf(activity.start(), columnIndex)).add(cell);
            unfilledByActivity.computeIfAbsent(activity.id(), id -> new ArrayList<>()).add(cell);
        }

        List<ClinicianEvent> sorted = clinicians.stream()
                .sorted(Comparator.comparing(ClinicianEvent::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
        List<WeekGrid.Row> rows = new ArrayList<>();
        for (ClinicianEvent clinician : sorted) {
            if (filter.admitsClinician(clinician.id())) {
                rows.add(new WeekGrid.Row(clinician.id(), clinician.displayName(), clinician.role(),
                        cellsByClinician.getOrDefault(clinician.id(), emptyCells(columns.size()))));
            }
        }
        List<WeekGrid.ActivityLine> lines = shown.values().stream()
                .filter(a -> filter.clinicianId() == null || staffByActivity.getOrDefault(a.id(), List.of())
                        .stream().anyMatch(s -> s.clinicianId().equals(filter.clinicianId())))
                .sorted(Comparator.comparing(ActivityEvent::start).thenComparing(ActivityEvent::title))
                .map(a -> new WeekGrid.ActivityLine(a.id(), a.start().atZone(zone).toLocalDate(), span(a), a.title(),
                        a.procedureCode(), a.location(), staffByActivity.getOrDefault(a.id(), List.of()),
                        unfilledByActivity.getOrDefault(a.id(), List.of())))
                .toList();
        List<WeekGrid.ClinicianOption> options = sorted.stream()
                .map(c -> new WeekGrid.ClinicianOption(c.id(), c.displayName())).toList();
        long versions = allocation.windows().stream().mapToLong(WindowVersion::version).sum();
        return new WeekGrid(department, monday, weeks, columns, rows, unfilled, lines, List.copyOf(procedures),
                options, versions, !allocation.windows().isEmpty());
    }

    private int columnOf(Instant start, Map<String, Integer> columnIndex) {
        ZonedDateTime local = start.atZone(zone);
        return columnIndex.getOrDefault(key(local.toLocalDate(), DayPart.of(local.toLocalTime())), -1);
    }

    private String span(ActivityEvent activity) {
        return TIME.format(activity.start().atZone(zone)) + "–" + TIME.format(activity.end().atZone(zone));
    }

    private static String key(LocalDate day, DayPart part) {
        return day + "/" + part;
    }

    private static <T> List<List<T>> emptyCells(int size) {
        List<List<T>> cells = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            cells.add(new ArrayList<>(1));
        }
        return cells;
    }
}
