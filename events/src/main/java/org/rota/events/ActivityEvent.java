package org.rota.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Full state of an activity after a change; CANCELLED is how an activity ends. {@code end} is exclusive.
 * {@code seats} always spells out the activity's seat groups; {@code requiredClinicians} (the required seats) and
 * {@code minimumLevel} (the lowest required level) stay for readers of the one-group shorthand. An event without
 * {@code seats} (written before seats existed) means the shorthand's one group. {@code traineesPerSupervisor} null:
 * the solver's configured default.
 */
public record ActivityEvent(
        UUID id,
        String externalId,
        String department,
        String title,
        Instant start,
        Instant end,
        String location,
        String procedureCode,
        int requiredClinicians,
        CredentialLevel minimumLevel,
        List<SeatGroup> seats,
        Integer traineesPerSupervisor,
        ActivityStatus status,
        long version,
        Instant updatedAt) {

    public ActivityEvent {
        seats = seats == null || seats.isEmpty() ? SeatGroup.shorthand(requiredClinicians, minimumLevel)
                : List.copyOf(seats);
    }

    /** An activity written with the shorthand: one group of {@code requiredClinicians} seats of {@code minimumLevel}. */
    public ActivityEvent(UUID id, String externalId, String department, String title, Instant start, Instant end,
            String location, String procedureCode, int requiredClinicians, CredentialLevel minimumLevel,
            ActivityStatus status, long version, Instant updatedAt) {
        this(id, externalId, department, title, start, end, location, procedureCode, requiredClinicians,
                minimumLevel, null, null, status, version, updatedAt);
    }
}
