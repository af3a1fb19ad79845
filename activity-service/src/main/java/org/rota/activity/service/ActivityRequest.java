package org.rota.activity.service;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.rota.events.ActivityStatus;
import org.rota.events.CredentialLevel;

/**
 * An activity as a client writes it (REST body, bulk import item, or a scheduling system's upsert). Its seats are
 * the one-group shorthand ({@code requiredClinicians}, {@code minimumLevel} defaulting to QUALIFIED) or spelled out
 * ({@code seats}); see {@link SeatPlan} for how the two must agree when both are given.
 * {@code traineesPerSupervisor} null means the solver's default; {@code status} defaults to SCHEDULED on create and
 * to "unchanged" on update; {@code version} is the version an update was based on.
 */
public record ActivityRequest(
        @NotBlank @Size(max = 100) String externalId,
        @NotNull @Pattern(regexp = DEPARTMENT_CODE,
                message = "must be a department code of letters, digits, '_' or '-' (at most 40)") String department,
        @NotBlank @Size(max = 200) String title,
        @NotNull Instant start,
        @NotNull Instant end,
        @NotBlank @Size(max = 200) String location,
        @Pattern(regexp = PROCEDURE_CODE, message = "must be 1 to 40 capital letters, digits, '_' or '-'") String procedureCode,
        @Min(1) @Max(MAX_REQUIRED_CLINICIANS) Integer requiredClinicians,
        CredentialLevel minimumLevel,
        @Size(min = 1, message = "must hold at least one seat group") List<@NotNull @Valid SeatGroupRequest> seats,
        @Min(0) @Max(MAX_REQUIRED_CLINICIANS) Integer traineesPerSupervisor,
        ActivityStatus status,
        Long version) {

    public static final String DEPARTMENT_CODE = "[A-Za-z0-9_-]{1,40}";
    public static final String PROCEDURE_CODE = "[A-Z0-9_-]{1,40}";
    /** The most seats an activity has, required and optional together. */
    public static final int MAX_REQUIRED_CLINICIANS = 50;
}
