package org.rota.solver.service;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Pins a clinician to an activity. */
public record PinRequest(@NotNull UUID activityId, @NotNull UUID clinicianId, @Size(max = 500) String reason) {
}
