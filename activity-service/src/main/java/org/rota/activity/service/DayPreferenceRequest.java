package org.rota.activity.service;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.rota.events.DayPreferenceKind;

/** A day preference as a client writes it; {@code version} is the version an update was based on. */
public record DayPreferenceRequest(
        @NotNull UUID clinicianId,
        @NotNull LocalDate date,
        @NotNull DayPreferenceKind kind,
        Long version) {
}
