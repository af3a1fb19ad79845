package org.rota.web.grid;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A department's weeks as a table: one row per clinician, one column per day part, and a first row of the seats left
 * empty. Built by {@link WeekGridBuilder}; rendered by the {@code week} templates.
 */
public record WeekGrid(String department, LocalDate monday, int weeks, List<Column> columns, List<Row> rows,
        List<List<UnfilledCell>> unfilled, List<ActivityLine> lines, List<String> procedures,
        List<ClinicianOption> clinicians, long allocationVersionSum, boolean published) {

    /** One day part of one day; {@code firstOfDay} starts a day's group of three. */
    public record Column(LocalDate date, DayPart part, boolean firstOfDay) {

        /** e.g. "Mon 7 Dec". */
        public String dayLabel() {
            return date.format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.UK));
        }
    }

    public record Row(UUID clinicianId, String name, String role, List<List<Entry>> cells) {
    }

    /** One assignment in a cell: the activity and the seat the clinician fills in it. */
    public record Entry(UUID activityId, String title, String procedureCode, String level, String seat,
            String location, String time, boolean urgent) {
    }

    public record UnfilledCell(UUID activityId, String title, String procedureCode, int seats, String level,
            String reason, boolean optional, String time) {
    }

    /** The list layout: one activity with its staff and its empty seats. */
    public record ActivityLine(UUID activityId, LocalDate date, String time, String title, String procedureCode,
            String location, List<Staff> staff, List<UnfilledCell> unfilled) {
    }

    public record Staff(UUID clinicianId, String name, String level, String seat) {
    }

    public record ClinicianOption(UUID id, String name) {
    }

    public LocalDate previousMonday() {
        return monday.minusWeeks(1);
    }

    public LocalDate nextMonday() {
        return monday.plusWeeks(1);
    }

    public List<Column> days() {
        return columns.stream().filter(Column::firstOfDay).toList();
    }
}
