package org.rota.credential.service;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.rota.events.CredentialLevel;

/** Changes what a credential allows; who holds it and for which procedure never change. */
public record CredentialUpdateRequest(
        @NotNull CredentialLevel level,
        @NotNull LocalDate validFrom,
        LocalDate validUntil,
        @Positive Integer maxPerWeek,
        Long version) {
}
