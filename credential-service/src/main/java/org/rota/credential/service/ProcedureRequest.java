package org.rota.credential.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A procedure as a client writes it; the code cannot change once created. */
public record ProcedureRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "must be 1 to 40 capital letters, digits, '_' or '-'") String code,
        @NotBlank @Size(max = 200) String name,
        Boolean active,
        Long version) {
}
