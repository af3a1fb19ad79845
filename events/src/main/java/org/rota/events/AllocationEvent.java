package org.rota.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One solved planning window (a department's ISO week), on {@code rota.allocations.v1} keyed
 * {@code allocation/<windowId>}. Entries carry enough (procedure, start, end) that a reader needs no second call.
 * Activities that have started keep their entries as published; a change to an activity starting within the freeze
 * horizon ({@code solver.freeze-hours}) is {@code urgent}: the people concerned must be told now.
 */
public record AllocationEvent(
        String windowId,
        String department,
        LocalDate weekStart,
        Instant from,
        Instant to,
        long version,
        Instant publishedAt,
        UUID solveRunId,
        String solverStatus,
        Long objective,
        Long bestBound,
        List<AssignmentEntry> assignments,
        List<UnfilledEntry> unfilled,
        List<PinConflictEntry> pinConflicts,
        Diff diff,
        Breakdown breakdown,
        Timings timings) {

    /**
     * {@code level}: the clinician's credential level for the procedure (null without one); {@code seat}: the level
     * of the seat group the clinician fills (null only in allocations published before seats existed).
     * {@code urgent}: assigned within the freeze horizon of the activity (null or false: planned ahead).
     */
    public record AssignmentEntry(UUID activityId, UUID clinicianId, CredentialLevel level, CredentialLevel seat,
            String procedureCode, Instant start, Instant end, Boolean urgent) {

        public AssignmentEntry(UUID activityId, UUID clinicianId, CredentialLevel level, CredentialLevel seat,
                String procedureCode, Instant start, Instant end) {
            this(activityId, clinicianId, level, seat, procedureCode, start, end, null);
        }

        public boolean markedUrgent() {
            return Boolean.TRUE.equals(urgent);
        }
    }

    /**
     * Seats of one seat group left empty and why: NO_CREDENTIALED_CLINICIAN, CREDENTIAL_EXPIRED_OR_SUSPENDED,
     * LEVEL_TOO_LOW, ALL_ELIGIBLE_ABSENT, ALL_ELIGIBLE_BUSY, PINNED_CONFLICT or NOT_ENOUGH_SUPERVISORS. {@code level}
     * and {@code optional} say which group (null only in allocations published before seats existed).
     */
    public record UnfilledEntry(UUID activityId, int seats, String reason, CredentialLevel level, Boolean optional,
            String procedureCode, Instant start, Instant end) {
    }

    public record PinConflictEntry(UUID activityId, UUID clinicianId, String reason, String detail) {
    }

    /** What changed since the previous version of this window's allocation. */
    public record Diff(Long previousVersion, List<Change> added, List<Change> removed) {
    }

    /** {@code urgent}: the activity starts within the freeze horizon (null or false: it does not). */
    public record Change(UUID activityId, UUID clinicianId, Boolean urgent) {

        public Change(UUID activityId, UUID clinicianId) {
            this(activityId, clinicianId, null);
        }
    }

    /** The weighted cost of each soft rule; their sum is the objective. */
    public record Breakdown(long unfilledSeats, long unfilledOptionalSeats, long qualifiedInsteadOfExpert,
            long undesiredDays, long desiredDays, long fairness, long changes) {
    }

    public record Timings(long modelMillis, long solveMillis, Long firstFeasibleMillis) {
    }
}
