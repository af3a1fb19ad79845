package org.rota.credential.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.rota.credential.domain.Clinician;
import org.rota.credential.domain.Credential;
import org.rota.credential.domain.CredentialChange;
import org.rota.credential.domain.CredentialChange.Kind;
import org.rota.credential.domain.Procedure;
import org.rota.credential.mapping.CredentialMapper;
import org.rota.credential.outbox.CredentialEvents;
import org.rota.credential.repository.ClinicianRepository;
import org.rota.credential.repository.CredentialChangeRepository;
import org.rota.credential.repository.CredentialRepository;
import org.rota.credential.repository.ProcedureRepository;
import org.rota.events.CredentialStatus;
import org.rota.platform.problem.ProblemException;
import org.rota.platform.web.ExpectedVersion;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Grants and withdraws credentials. Rules: the window is well-formed; at most one ACTIVE credential per clinician and
 * procedure on any date; REVOKED is final. Every change is kept in the credential's history with its actor.
 */
@ApplicationScoped
@Transactional
public class CredentialService {

    private final CredentialRepository credentials;
    private final ClinicianRepository clinicians;
    private final ProcedureRepository procedures;
    private final CredentialChangeRepository changes;
    private final CredentialEvents events;
    private final CredentialAlerts alerts;
    private final StatusEffectiveTime effectiveTime;
    private final ObjectMapper json;

    CredentialService(CredentialRepository credentials, ClinicianRepository clinicians, ProcedureRepository procedures,
            CredentialChangeRepository changes, CredentialEvents events, CredentialAlerts alerts,
            StatusEffectiveTime effectiveTime, ObjectMapper json) {
        this.credentials = credentials;
        this.clinicians = clinicians;
        this.procedures = procedures;
        this.changes = changes;
        this.events = events;
        this.alerts = alerts;
        this.effectiveTime = effectiveTime;
        this.json = json;
    }

    public Credential grant(@Valid CredentialRequest request, String actor) {
        return granted(request, CredentialStatus.ACTIVE, actor);
    }

    /**
     * Creates or updates the credential with this externalId as the credentialing office states it, fields and
     * status together: one change is one version and one history row, and an identical upsert changes nothing.
     * The rules are those of REST: holder and procedure never change, REVOKED is final, a credential only becomes
     * or stays ACTIVE without overlapping another ACTIVE one. A change of status takes effect from
     * {@code statusEffectiveFrom} (default: now); a new credential's status applies from the start of its validity.
     */
    public Credential upsert(@NotNull @Valid CredentialRequest request, @NotNull CredentialStatus status,
            Instant statusEffectiveFrom, String actor) {
        if (request.externalId() == null) {
            throw ProblemException.badRequest("externalId", "An upsert names its credential by externalId");
        }
        Optional<Credential> existing = credentials.findByExternalId(request.externalId());
        if (existing.isEmpty()) {
            return granted(request, status, actor);
        }
        Credential credential = existing.get();
        if (!credential.clinicianId.equals(request.clinicianId())
                || !credential.procedureCode.equals(request.procedureCode())) {
            throw ProblemException.conflict("procedureCode", "Credential " + request.externalId()
                    + " is held by another clinician or for another procedure; holder and procedure never change");
        }
        boolean fieldsChange = CredentialMapper.changes(request, credential);
        boolean statusChanges = credential.status != status;
        if (!fieldsChange && !statusChanges) {
            return credential;
        }
        if (credential.status == CredentialStatus.REVOKED) {
            throw ProblemException.conflict("status", "Credential " + credential.id + " is revoked and cannot change");
        }
        requireWellFormedWindow(request.validFrom(), request.validUntil());
        if (status == CredentialStatus.ACTIVE) {
            clinicians.lockForCredentialChange(credential.clinicianId);
            requireNoOtherActiveCredential(credential.clinicianId, credential.procedureCode, request.validFrom(),
                    request.validUntil(), credential.id);
        }
        Instant now = Instant.now();
        Instant effective = null;
        if (statusChanges) {
            effective = effectiveTime.of(credential, statusEffectiveFrom, now, "statusEffectiveFrom");
            credential.changeStatus(status, effective);
        }
        CredentialMapper.apply(request, credential);
        return saved(credential, statusChanges ? kindOfMoveTo(status) : Kind.UPDATED, actor, null, effective, now);
    }

    public Credential update(UUID id, @Valid CredentialUpdateRequest request, ExpectedVersion expected, String actor) {
        Credential credential = get(id);
        expected.check("Credential " + id, credential.version);
        if (credential.status == CredentialStatus.REVOKED) {
            throw ProblemException.conflict("status", "Credential " + id + " is revoked and cannot change");
        }
        requireWellFormedWindow(request.validFrom(), request.validUntil());
        clinicians.lockForCredentialChange(credential.clinicianId);
        if (credential.status == CredentialStatus.ACTIVE) {
            requireNoOtherActiveCredential(credential.clinicianId, credential.procedureCode, request.validFrom(),
                    request.validUntil(), id);
        }
        CredentialMapper.apply(request, credential);
        return saved(credential, Kind.UPDATED, actor, null);
    }

    public Credential suspend(UUID id, @Valid StatusChangeRequest request, ExpectedVersion expected, String actor) {
        Credential credential = get(id);
        expected.check("Credential " + id, credential.version);
        requireStatus(credential, CredentialStatus.ACTIVE, "suspended");
        return statusChanged(credential, CredentialStatus.SUSPENDED, Kind.SUSPENDED, request, actor);
    }

    public Credential reinstate(UUID id, @Valid StatusChangeRequest request, ExpectedVersion expected, String actor) {
        Credential credential = get(id);
        expected.check("Credential " + id, credential.version);
        requireStatus(credential, CredentialStatus.SUSPENDED, "reinstated");
        clinicians.lockForCredentialChange(credential.clinicianId);
        requireNoOtherActiveCredential(credential.clinicianId, credential.procedureCode, credential.validFrom,
                credential.validUntil, id);
        return statusChanged(credential, CredentialStatus.ACTIVE, Kind.REINSTATED, request, actor);
    }

    public Credential revoke(UUID id, @Valid StatusChangeRequest request, ExpectedVersion expected, String actor) {
        Credential credential = get(id);
        expected.check("Credential " + id, credential.version);
        if (credential.status == CredentialStatus.REVOKED) {
            throw ProblemException.conflict("status", "Credential " + id + " is already revoked");
        }
        return statusChanged(credential, CredentialStatus.REVOKED, Kind.REVOKED, request, actor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Credential get(UUID id) {
        return credentials.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Credential", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Credential> findByExternalId(String externalId) {
        return credentials.findByExternalId(externalId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Credential> search(CredentialRepository.Filter filter, PageRequest page) {
        return credentials.search(filter, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CredentialChange> history(UUID id) {
        get(id);
        return changes.history(id);
    }

    private Credential granted(CredentialRequest request, CredentialStatus status, String actor) {
        Clinician clinician = clinicians.lockForCredentialChange(request.clinicianId())
                .orElseThrow(() -> ProblemException.unprocessable("clinicianId",
                        "Clinician " + request.clinicianId() + " does not exist"));
        if (!clinician.active) {
            throw ProblemException.unprocessable("clinicianId", "Clinician " + clinician.id + " is inactive");
        }
        Procedure procedure = procedures.findByCode(request.procedureCode())
                .orElseThrow(() -> ProblemException.unprocessable("procedureCode",
                        "Procedure " + request.procedureCode() + " does not exist"));
        if (!procedure.active) {
            throw ProblemException.unprocessable("procedureCode", "Procedure " + procedure.code + " is inactive");
        }
        requireWellFormedWindow(request.validFrom(), request.validUntil());
        if (request.externalId() != null) {
            credentials.findByExternalId(request.externalId()).ifPresent(other -> {
                throw ProblemException.conflict("externalId",
                        "Credential " + other.id + " already has externalId " + request.externalId());
            });
        }
        if (status == CredentialStatus.ACTIVE) {
            requireNoOtherActiveCredential(request.clinicianId(), request.procedureCode(), request.validFrom(),
                    request.validUntil(), null);
        }

        Credential credential = new Credential();
        credential.id = UUID.randomUUID();
        credential.externalId = request.externalId();
        credential.clinicianId = clinician.id;
        credential.procedureCode = procedure.code;
        credential.level = request.level();
        credential.validFrom = request.validFrom();
        credential.validUntil = request.validUntil();
        credential.maxPerWeek = request.maxPerWeek();
        credential.changeStatus(status, null);
        credential.createdAt = Instant.now();
        return saved(credential, Kind.GRANTED, actor, null);
    }

    private Credential statusChanged(Credential credential, CredentialStatus next, Kind kind,
            StatusChangeRequest request, String actor) {
        Instant now = Instant.now();
        Instant effective = effectiveTime.of(credential, request.effectiveFrom(), now, "effectiveFrom");
        credential.changeStatus(next, effective);
        return saved(credential, kind, actor, request.reason(), effective, now);
    }

    private Credential saved(Credential credential, Kind kind, String actor, String reason) {
        return saved(credential, kind, actor, reason, null, Instant.now());
    }

    private Credential saved(Credential credential, Kind kind, String actor, String reason, Instant effectiveFrom,
            Instant now) {
        credential.updatedAt = now;
        credentials.persistAndFlush(credential);
        CredentialChange change = new CredentialChange();
        change.credentialId = credential.id;
        change.version = credential.version;
        change.kind = kind;
        change.actor = actor;
        change.reason = reason;
        change.changedAt = credential.updatedAt;
        change.effectiveFrom = effectiveFrom;
        change.state = stateJson(credential);
        changes.persist(change);
        events.credentialChanged(credential);
        // a renewal, a reinstatement or a credential recorded close to (or past) expiry: its warning now, atomically
        alerts.credentialChanged(credential.id);
        return credential;
    }

    private String stateJson(Credential credential) {
        try {
            return json.writeValueAsString(CredentialMapper.toEvent(credential));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireWellFormedWindow(LocalDate validFrom, LocalDate validUntil) {
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw ProblemException.badRequest("validUntil", "validUntil (" + validUntil
                    + ") must be after validFrom (" + validFrom + ")");
        }
    }

    private void requireNoOtherActiveCredential(UUID clinicianId, String procedureCode, LocalDate from,
            LocalDate until, UUID self) {
        credentials.activeFor(clinicianId, procedureCode).stream()
                .filter(other -> !other.id.equals(self))
                .filter(other -> other.overlaps(from, until))
                .findFirst()
                .ifPresent(other -> {
                    throw ProblemException.conflict("validFrom", "Clinician " + clinicianId
                            + " already holds ACTIVE credential " + other.id + " for " + procedureCode + " from "
                            + other.validFrom + (other.validUntil == null ? "" : " until " + other.validUntil));
                });
    }

    private static Kind kindOfMoveTo(CredentialStatus status) {
        return switch (status) {
            case ACTIVE -> Kind.REINSTATED;
            case SUSPENDED -> Kind.SUSPENDED;
            case REVOKED -> Kind.REVOKED;
        };
    }

    private static void requireStatus(Credential credential, CredentialStatus required, String verb) {
        if (credential.status != required) {
            throw ProblemException.conflict("status", "Credential " + credential.id + " is " + credential.status
                    + "; only a " + required + " credential can be " + verb);
        }
    }
}
