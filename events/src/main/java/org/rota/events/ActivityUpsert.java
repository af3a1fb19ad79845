package org.rota.events;

import java.time.Instant;
import java.util.List;

/**
 * Inbound from hospital scheduling systems: create or update the activity with this externalId. Its seats are
 * either the shorthand ({@code requiredClinicians}, {@code minimumLevel} omitted = QUALIFIED) or {@code seats}; both
 * given must agree. Omitted {@code traineesPerSupervisor} is the solver's default, omitted {@code status} SCHEDULED.
 */
public record ActivityUpsert(
        String externalId,
        String department,
        String title,
        Instant start,
        Instant end,
        String location,
        String procedureCode,
        Integer requiredClinicians,
        CredentialLevel minimumLevel,
        List<SeatGroup> seats,
        Integer traineesPerSupervisor,
        ActivityStatus status) {

    /** An upsert written with the shorthand only. */
    public ActivityUpsert(String externalId, String department, String title, Instant start, Instant end,
            String location, String procedureCode, Integer requiredClinicians, CredentialLevel minimumLevel,
            ActivityStatus status) {
        this(externalId, department, title, start, end, location, procedureCode, requiredClinicians, minimumLevel,
                null, null, status);
    }
}
