package org.rota.activity.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.rota.activity.client.CredentialReferences;
import org.rota.activity.domain.DayPreference;
import org.rota.activity.mapping.ActivityMapper;
import org.rota.activity.outbox.ActivityEvents;
import org.rota.activity.repository.DayPreferenceRepository;
import org.rota.platform.problem.ProblemException;
import org.rota.platform.web.ExpectedVersion;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;

/** A clinician has at most one live preference per day; changing one's mind is an update, not a second one. */
@ApplicationScoped
@Transactional
public class DayPreferenceService {

    private final DayPreferenceRepository preferences;
    private final ActivityEvents events;
    private final CredentialReferences references;

    DayPreferenceService(DayPreferenceRepository preferences, ActivityEvents events, CredentialReferences references) {
        this.preferences = preferences;
        this.events = events;
        this.references = references;
    }

    public DayPreference create(@NotNull @Valid DayPreferenceRequest request) {
        references.requireActiveClinician(request.clinicianId(), "clinicianId");
        requireFreeDay(request.clinicianId(), request.date(), null);
        DayPreference preference = new DayPreference();
        preference.id = UUID.randomUUID();
        preference.clinicianId = request.clinicianId();
        preference.createdAt = Instant.now();
        ActivityMapper.apply(request, preference);
        return saved(preference);
    }

    public DayPreference update(UUID id, @NotNull @Valid DayPreferenceRequest request, ExpectedVersion expected) {
        DayPreference preference = get(id);
        expected.check("Preference " + id, preference.version);
        if (!preference.clinicianId.equals(request.clinicianId())) {
            throw ProblemException.badRequest("clinicianId", "A preference's clinician cannot change (it is "
                    + preference.clinicianId + "); withdraw it and record a new one");
        }
        requireFreeDay(request.clinicianId(), request.date(), id);
        ActivityMapper.apply(request, preference);
        return saved(preference);
    }

    /** Withdraws the preference: consumers learn it from one last event with {@code deleted=true}. */
    public DayPreference withdraw(UUID id, ExpectedVersion expected) {
        DayPreference preference = get(id);
        expected.check("Preference " + id, preference.version);
        preference.deleted = true;
        return saved(preference);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DayPreference get(UUID id) {
        return preferences.findLive(id).orElseThrow(() -> ProblemException.notFound("Preference", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DayPreference> search(UUID clinicianId, LocalDate from, LocalDate to, PageRequest page) {
        return preferences.search(clinicianId, from, to, page);
    }

    private DayPreference saved(DayPreference preference) {
        preference.updatedAt = Instant.now();
        preferences.persistAndFlush(preference);
        events.preferenceChanged(preference);
        return preference;
    }

    private void requireFreeDay(UUID clinicianId, LocalDate date, UUID self) {
        preferences.findLive(clinicianId, date)
                .filter(other -> !other.id.equals(self))
                .ifPresent(other -> {
                    throw ProblemException.conflict("date", "Clinician " + clinicianId + " already has preference "
                            + other.id + " (" + other.kind + ") on " + date + "; update that one");
                });
    }
}
