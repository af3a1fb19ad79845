package org.rota.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.rota.events.ActivityEvent;
import org.rota.events.ActivityStatus;
import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.events.AllocationEvent.UnfilledEntry;
import org.rota.events.ClinicianEvent;
import org.rota.events.CredentialLevel;
import org.rota.web.client.SolverViews.RangeAllocation;
import org.rota.web.client.SolverViews.WindowVersion;

/** A tiny urology week for the web tests: two clinicians, a vasectomy list one of them staffs, a clinic left empty. */
final class Demo {

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    static final String DEPARTMENT = "UROLOGY";
    static final UUID ADA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID VASECTOMY_LIST = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID EVENING_CLINIC = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

    static List<ClinicianEvent> clinicians() {
        return List.of(clinician(ADA, "Ada Lovelace"), clinician(BEN, "Ben Carson"));
    }

    static List<ActivityEvent> activities() {
        return List.of(
                activity(VASECTOMY_LIST, "Vasectomy list", at(1, 8), at(1, 12), "VAS"),
                activity(EVENING_CLINIC, "Evening clinic", at(3, 18), at(3, 21), null));
    }

    static RangeAllocation allocation() {
        return new RangeAllocation(MONDAY, MONDAY.plusWeeks(1),
                List.of(new WindowVersion(DEPARTMENT + "/" + MONDAY, 3, Instant.parse("2026-12-01T10:00:00Z"),
                        "OPTIMAL")),
                List.of(new AssignmentEntry(VASECTOMY_LIST, ADA, CredentialLevel.EXPERT, CredentialLevel.QUALIFIED,
                        "VAS", at(1, 8), at(1, 12))),
                List.of(new UnfilledEntry(EVENING_CLINIC, 1, "ALL_ELIGIBLE_BUSY", CredentialLevel.QUALIFIED, false,
                        null, at(3, 18), at(3, 21))));
    }

    static Instant at(int day, int hour) {
        return MONDAY.plusDays(day).atTime(hour, 0).atZone(ZONE).toInstant();
    }

    private static ClinicianEvent clinician(UUID id, String name) {
        return new ClinicianEvent(id, "HR-" + id, name, "FACULTY", List.of(DEPARTMENT), java.math.BigDecimal.ONE,
                null, true, 1, Instant.parse("2026-11-01T00:00:00Z"));
    }

    private static ActivityEvent activity(UUID id, String title, Instant start, Instant end, String procedure) {
        return new ActivityEvent(id, "EXT-" + id, DEPARTMENT, title, start, end, "Theatre 2", procedure, 1,
                CredentialLevel.QUALIFIED, ActivityStatus.SCHEDULED, 1, Instant.parse("2026-11-01T00:00:00Z"));
    }

    private Demo() {
    }
}
