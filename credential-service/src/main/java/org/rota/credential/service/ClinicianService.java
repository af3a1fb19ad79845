package org.rota.credential.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.rota.credential.domain.Clinician;
import org.rota.credential.mapping.CredentialMapper;
import org.rota.credential.outbox.CredentialEvents;
import org.rota.credential.repository.ClinicianRepository;
import org.rota.credential.repository.CredentialChangeRepository;
import org.rota.platform.problem.ProblemException;
import org.rota.platform.web.ExpectedVersion;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;

@ApplicationScoped
@Transactional
public class ClinicianService {

    private final ClinicianRepository clinicians;
    private final CredentialEvents events;

    private final CredentialChangeRepository history;

    ClinicianService(ClinicianRepository clinicians, CredentialEvents events, CredentialChangeRepository history) {
        this.clinicians = clinicians;
        this.events = events;
        this.history = history;
    }

    public Clinician create(@Valid ClinicianRequest request) {
        requireUnusedExternalId(request.externalId(), null);
        return created(request);
    }

    /**
     * Creates or updates the clinician with this externalId, as an HR system's upsert. An identical upsert changes
     * nothing: no new version, no event.
     */
    public Clinician upsert(@NotNull @Valid ClinicianRequest request) {
        Optional<Clinician> existing = clinicians.findByExternalId(request.externalId());
        if (existing.isEmpty()) {
            return created(request);
        }
        Clinician clinician = existing.get();
        requireNotErased(clinician);
        if (!CredentialMapper.changes(request, clinician)) {
            return clinician;
        }
        CredentialMapper.apply(request, clinician);
        return saved(clinician);
    }

    public Clinician update(UUID id, @Valid ClinicianRequest request, ExpectedVersion expected) {
        Clinician clinician = get(id);
        expected.check("Clinician " + id, clinician.version);
        requireNotErased(clinician);
        requireUnusedExternalId(request.externalId(), id);
        CredentialMapper.apply(request, clinician);
        return saved(clinician);
    }

    /** Clinicians are never deleted: other systems and the history still refer to them. */
    public Clinician deactivate(UUID id, ExpectedVersion expected) {
        Clinician clinician = get(id);
        expected.check("Clinician " + id, clinician.version);
        clinician.active = false;
        return saved(clinician);
    }

    /**
     * Erases the clinician's personal data (right to erasure): the name becomes a pseudonym, the clinician is
     * deactivated, and the free-text reasons in the history of their credentials are forgotten. The new state is
     * published like any change, so consumers overwrite the name and compaction drops the older records from the
     * topic. The id, externalId (the HR system's key), role, departments and credentials stay: rostering facts the
     * hospital keeps. Erasing again changes nothing.
     */
    public Clinician erase(UUID id) {
        Clinician clinician = clinicians.lockForCredentialChange(id)
                .orElseThrow(() -> ProblemException.notFound("Clinician", id));
        if (clinician.erasedAt != null) {
            return clinician;
        }
        history.forgetReasonsOfClinician(id);
        clinician.displayName = Clinician.pseudonym(id);
        clinician.active = false;
        clinician.erasedAt = Instant.now();
        return saved(clinician);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Clinician get(UUID id) {
        return clinicians.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Clinician", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Clinician> findByExternalId(String externalId) {
        return clinicians.findByExternalId(externalId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Clinician> search(String department, Boolean active, String externalId, PageRequest page) {
        return clinicians.search(department, active, externalId, page);
    }

    private Clinician created(ClinicianRequest request) {
        Clinician clinician = new Clinician();
        clinician.id = UUID.randomUUID();
        clinician.active = true;
        clinician.createdAt = Instant.now();
        CredentialMapper.apply(request, clinician);
        return saved(clinician);
    }

    /** Every write bumps the version, and the event carries the version the write produced. */
    private Clinician saved(Clinician clinician) {
        clinician.updatedAt = Instant.now();
        clinicians.persistAndFlush(clinician);
        events.clinicianChanged(clinician);
        return clinician;
    }

    /** An erased clinician takes no changes: an update would bring personal data back under the same id. */
    private static void requireNotErased(Clinician clinician) {
        if (clinician.erasedAt != null) {
            throw ProblemException.conflict("id", "Clinician " + clinician.id + " was erased and takes no changes");
        }
    }

    private void requireUnusedExternalId(String externalId, UUID owner) {
        clinicians.findByExternalId(externalId)
                .filter(other -> !other.id.equals(owner))
                .ifPresent(other -> {
                    throw ProblemException.conflict("externalId",
                            "Clinician " + other.id + " already has externalId " + externalId);
                });
    }
}
