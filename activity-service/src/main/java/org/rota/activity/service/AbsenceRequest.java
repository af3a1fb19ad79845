package org.rota.activity.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An absence as a client writes it; {@code until} is exclusive, {@code version} the version an update was based on. */
public record AbsenceRequest(
        @NotNull UUID clinicianId,
        @NotNull Instant from,
        @NotNull Instant until,
        @Size(max = 500) String reason,
        Long version) {
}
