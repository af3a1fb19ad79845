package org.rota.credential.service;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.rota.events.CredentialLevel;

/** Grants a credential: it starts ACTIVE. validUntil is optional (open-ended) and inclusive. */
public record CredentialRequest(
        @Size(max = 100) String externalId,
        @NotNull UUID clinicianId,
        @NotBlank @Size(max = 40) String procedureCode,
        @NotNull CredentialLevel level,
        @NotNull LocalDate validFrom,
        LocalDate validUntil,
        @Positive Integer maxPerWeek) {
}
