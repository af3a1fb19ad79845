package org.rota.activity.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.rota.activity.client.CredentialReferences;
import org.rota.activity.domain.Absence;
import org.rota.activity.mapping.ActivityMapper;
import org.rota.activity.outbox.ActivityEvents;
import org.rota.activity.repository.AbsenceRepository;
import org.rota.platform.problem.ProblemException;
import org.rota.platform.web.ExpectedVersion;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;

@ApplicationScoped
@Transactional
public class AbsenceService {

    private final AbsenceRepository absences;
    private final ActivityEvents events;
    private final CredentialReferences references;

    AbsenceService(AbsenceRepository absences, ActivityEvents events, CredentialReferences references) {
        this.absences = absences;
        this.events = events;
        this.references = references;
    }

    public Absence create(@NotNull @Valid AbsenceRequest request) {
        requireWellFormedPeriod(request);
        references.requireActiveClinician(request.clinicianId(), "clinicianId");
        Absence absence = new Absence();
        absence.id = UUID.randomUUID();
        absence.clinicianId = request.clinicianId();
        absence.createdAt = Instant.now();
        ActivityMapper.apply(request, absence);
        return saved(absence);
    }

    public Absence update(UUID id, @NotNull @Valid AbsenceRequest request, ExpectedVersion expected) {
        requireWellFormedPeriod(request);
        Absence absence = get(id);
        expected.check("Absence " + id, absence.version);
        if (!absence.clinicianId.equals(request.clinicianId())) {
            throw ProblemException.badRequest("clinicianId", "An absence's clinician cannot change (it is "
                    + absence.clinicianId + "); withdraw it and record a new one");
        }
        ActivityMapper.apply(request, absence);
        return saved(absence);
    }

    /** Withdraws the absence: consumers learn it from one last event with {@code deleted=true}. */
    public Absence withdraw(UUID id, ExpectedVersion expected) {
        Absence absence = get(id);
        expected.check("Absence " + id, absence.version);
        absence.deleted = true;
        return saved(absence);
    }

    /**
     * Erases what this service holds about a clinician beyond rostering facts (right to erasure): the free-text
     * reasons of their absences, withdrawn ones included. Each changed absence is published again without its
     * reason, so consumers and, after compaction, the change topic no longer hold it. Returns how many changed.
     */
    public int eraseReasonsOf(@NotNull UUID clinicianId) {
        List<Absence> withReasons = absences.list("clinicianId = ?1 and reason is not null", clinicianId);
        for (Absence absence : withReasons) {
            absence.reason = null;
            saved(absence);
        }
        return withReasons.size();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Absence get(UUID id) {
        return absences.findLive(id).orElseThrow(() -> ProblemException.notFound("Absence", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Absence> search(UUID clinicianId, Instant from, Instant to, PageRequest page) {
        return absences.search(clinicianId, from, to, page);
    }

    private Absence saved(Absence absence) {
        absence.updatedAt = Instant.now();
        absences.persistAndFlush(absence);
        events.absenceChanged(absence);
        return absence;
    }

    private static void requireWellFormedPeriod(AbsenceRequest request) {
        if (!request.until().isAfter(request.from())) {
            throw ProblemException.badRequest("until", "until (" + request.until() + ") must be after from ("
                    + request.from() + ")");
        }
    }
}
