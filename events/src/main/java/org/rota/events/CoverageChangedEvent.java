package org.rota.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code rota.coverage.v1}, key = department: the set of a planning window's activities at risk changed. {@code entered}
 * holds the activities that are newly at risk or whose risk changed, {@code left} those no longer at risk;
 * {@code atRisk} counts the window's activities at risk now. Risk: UNCOVERABLE (fewer clinicians could serve than it has
 * seats) or NO_SPARE (exactly enough: one absence empties a seat).
 */
public record CoverageChangedEvent(String windowId, String department, LocalDate weekStart, List<Entry> entered,
        List<UUID> left, int atRisk, Instant at) {

    public record Entry(UUID activityId, String risk, Instant start, String procedureCode, int seats, int eligible) {
    }
}
