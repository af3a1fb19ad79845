package org.rota.web.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.events.AllocationEvent.UnfilledEntry;
import org.rota.events.SeatGroup;

/** solver-service's REST representations that web reads (see solver-service/src/main/openapi/openapi.yaml). */
public final class SolverViews {

    /** {@code GET /allocations}: the current allocation of [from, to). */
    public record RangeAllocation(LocalDate from, LocalDate to, List<WindowVersion> windows,
            List<AssignmentEntry> assignments, List<UnfilledEntry> unfilled) {
    }

    public record WindowVersion(String windowId, long version, Instant publishedAt, String solverStatus) {
    }

    /** {@code GET /allocations/activities/{id}}: who staffs it, and every clinician's verdict with its rule. */
    public record ActivityAllocation(UUID activityId, String department, String title, String location,
            String procedureCode, Instant start, Instant end, String status, int requiredClinicians,
            String minimumLevel, List<SeatGroup> seats, Integer traineesPerSupervisor, String windowId,
            Long allocationVersion, List<AssignmentEntry> assignments, List<UUID> pinnedClinicians,
            List<UnfilledEntry> unfilled, List<Candidate> candidates) {
    }

    public record Candidate(UUID clinicianId, String displayName, String verdict, String level, String detail,
            Long cost) {

        public boolean assigned() {
            return "ASSIGNED".equals(verdict);
        }
    }

    public record PinView(UUID id, UUID activityId, UUID clinicianId, String reason, Instant createdAt) {
    }

    public record PinRequest(UUID activityId, UUID clinicianId, String reason) {
    }

    public record SolveRun(UUID id, String windowId, String trigger, String outcome, String solverStatus,
            Long allocationVersion, Integer changedAssignments, Integer unfilledSeats, Instant startedAt,
            Instant finishedAt, String detail) {
    }

    private SolverViews() {
    }
}
