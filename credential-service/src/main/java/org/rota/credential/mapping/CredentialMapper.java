package org.rota.credential.mapping;

import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import org.rota.credential.domain.Clinician;
import org.rota.credential.domain.ClinicianRole;
import org.rota.credential.domain.Credential;
import org.rota.credential.domain.Procedure;
import org.rota.credential.service.ClinicianRequest;
import org.rota.credential.service.CredentialRequest;
import org.rota.credential.service.CredentialUpdateRequest;
import org.rota.credential.service.ProcedureRequest;
import org.rota.events.ClinicianEvent;
import org.rota.events.ClinicianUpsert;
import org.rota.events.CredentialEvent;
import org.rota.events.CredentialStatusChange;
import org.rota.events.CredentialUpsert;
import org.rota.events.ProcedureEvent;
import org.rota.events.ProcedureUpsert;
import org.rota.platform.inbound.InvalidMessageException;

/**
 * Entity ↔ contract. The event records are also the REST representations: a client reads exactly what consumers of
 * the topic read.
 */
public final class CredentialMapper {

    public static ClinicianEvent toEvent(Clinician c) {
        return new ClinicianEvent(c.id, c.externalId, c.displayName, c.role.name(), c.departments.stream().toList(),
                c.fte, c.maxMinutesPerWeek, c.active, c.version, c.updatedAt);
    }

    public static ProcedureEvent toEvent(Procedure p) {
        return new ProcedureEvent(p.id, p.code, p.name, p.active, p.version, p.updatedAt);
    }

    public static CredentialEvent toEvent(Credential c) {
        return new CredentialEvent(c.id, c.externalId, c.clinicianId, c.procedureCode, c.level, c.validFrom,
                c.validUntil, c.status, c.maxPerWeek, c.version, c.updatedAt,
                c.statusHistory.stream().map(step -> new CredentialStatusChange(step.status, step.effectiveFrom)).toList());
    }

    public static void apply(ClinicianRequest request, Clinician clinician) {
        clinician.externalId = request.externalId();
        clinician.displayName = request.displayName();
        clinician.role = request.role();
        clinician.departments.clear();
        clinician.departments.addAll(new TreeSet<>(request.departments()));
        clinician.fte = request.fte();
        clinician.maxMinutesPerWeek = request.maxMinutesPerWeek();
        if (request.active() != null) {
            clinician.active = request.active();
        }
    }

    public static void apply(ProcedureRequest request, Procedure procedure) {
        procedure.name = request.name();
        if (request.active() != null) {
            procedure.active = request.active();
        }
    }

    public static void apply(CredentialUpdateRequest request, Credential credential) {
        credential.level = request.level();
        credential.validFrom = request.validFrom();
        credential.validUntil = request.validUntil();
        credential.maxPerWeek = request.maxPerWeek();
    }

    /** Whether applying the request would change the clinician (what an identical upsert must not do). */
    public static boolean changes(ClinicianRequest request, Clinician clinician) {
        return !Objects.equals(request.externalId(), clinician.externalId)
                || !Objects.equals(request.displayName(), clinician.displayName)
                || request.role() != clinician.role
                || !new TreeSet<>(request.departments()).equals(clinician.departments)
                || request.fte().compareTo(clinician.fte) != 0
                || !Objects.equals(request.maxMinutesPerWeek(), clinician.maxMinutesPerWeek)
                || request.active() != null && request.active() != clinician.active;
    }

    public static boolean changes(ProcedureRequest request, Procedure procedure) {
        return !Objects.equals(request.name(), procedure.name)
                || request.active() != null && request.active() != procedure.active;
    }

    /** Whether the request would change what the credential allows (level, validity, weekly limit). */
    public static boolean changes(CredentialRequest request, Credential credential) {
        return request.level() != credential.level
                || !Objects.equals(request.validFrom(), credential.validFrom)
                || !Objects.equals(request.validUntil(), credential.validUntil)
                || !Objects.equals(request.maxPerWeek(), credential.maxPerWeek);
    }

    public static void apply(CredentialRequest request, Credential credential) {
        credential.level = request.level();
        credential.validFrom = request.validFrom();
        credential.validUntil = request.validUntil();
        credential.maxPerWeek = request.maxPerWeek();
    }

    public static ClinicianRequest toRequest(ClinicianUpsert upsert) {
        return new ClinicianRequest(upsert.externalId(), upsert.displayName(), role(upsert.role()),
                upsert.departments(), upsert.fte(), upsert.maxMinutesPerWeek(),
                upsert.active() == null ? Boolean.TRUE : upsert.active(), null);
    }

    public static ProcedureRequest toRequest(ProcedureUpsert upsert) {
        return new ProcedureRequest(upsert.code(), upsert.name(), upsert.active() == null ? Boolean.TRUE : upsert.active(),
                null);
    }

    /** @param holderId the id of the clinician the upsert names by externalId */
    public static CredentialRequest toRequest(CredentialUpsert upsert, UUID holderId) {
        return new CredentialRequest(upsert.externalId(), holderId, upsert.procedureCode(), upsert.level(),
                upsert.validFrom(), upsert.validUntil(), upsert.maxPerWeek());
    }

    private static ClinicianRole role(String role) {
        if (role == null) {
            return null;
        }
        try {
            return ClinicianRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("Unknown clinician role '" + role + "'");
        }
    }

    private CredentialMapper() {
    }
}
