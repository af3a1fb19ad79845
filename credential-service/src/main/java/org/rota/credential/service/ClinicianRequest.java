package org.rota.credential.service;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.rota.credential.domain.ClinicianRole;

/**
 * A clinician as a client writes it (REST body, or an HR upsert). {@code active} defaults to true on create;
 * {@code version} is the version an update was based on.
 */
public record ClinicianRequest(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull ClinicianRole role,
        @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = DEPARTMENT_CODE,
                message = "must be a department code of letters, digits, '_' or '-' (at most 40)") String> departments,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 2) BigDecimal fte,
        @Positive @Max(7 * 24 * 60) Integer maxMinutesPerWeek,
        Boolean active,
        Long version) {

    public static final String DEPARTMENT_CODE = "[A-Za-z0-9_-]{1,40}";
}
