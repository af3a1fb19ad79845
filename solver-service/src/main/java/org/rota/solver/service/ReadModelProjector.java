package org.rota.solver.service;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.rota.events.CredentialLevel;
import org.rota.events.CredentialStatus;
import org.rota.events.EventTypes;
import org.rota.platform.inbound.InvalidMessageException;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.KnownAbsence;
import org.rota.solver.domain.KnownActivity;
import org.rota.solver.domain.KnownClinician;
import org.rota.solver.domain.KnownCredential;
import org.rota.solver.domain.KnownPreference;
import org.rota.solver.repository.ReadModelRepository;
import org.rota.solver.solver.PreferenceKind;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Applies change events to the read model and tells which planning windows they make dirty. Every field is read
 * before anything is changed, so a malformed event leaves nothing half-applied. Idempotent: an event whose version
 * is not newer than the one held is ignored, so duplicates and stale redeliveries change nothing. Events
 * are read tolerantly (only the fields the solver needs), so producers may add fields freely.
 */
@ApplicationScoped
public class ReadModelProjector {

    private final EntityManager em;
    private final ReadModelRepository readModel;
    private final ZoneId zone;

    ReadModelProjector(EntityManager em, ReadModelRepository readModel, SolverConfig config) {
        this.em = em;
        this.readModel = readModel;
        this.zone = config.zone();
    }

    /**
     * One transaction's worth of events. It remembers window look-ups: the batch's writes are flushed only at commit,
     * so the same look-up would return the same rows again.
     */
    public static final class Batch {
        private final Map<String, Set<PlanningWindow>> windowLookups = new HashMap<>();
    }

    /** Loads every row the batch's events refer to in one query per table, so applying them needs no more reads. */
    @Transactional(TxType.MANDATORY)
    public void prefetch(Map<String, Set<UUID>> idsByType) {
        prefetch(idsByType.get(EventTypes.CLINICIAN), KnownClinician.class);
        prefetch(idsByType.get(EventTypes.CREDENTIAL), KnownCredential.class);
        prefetch(idsByType.get(EventTypes.ACTIVITY), KnownActivity.class);
        prefetch(idsByType.get(EventTypes.ABSENCE), KnownAbsence.class);
        prefetch(idsByType.get(EventTypes.DAY_PREFERENCE), KnownPreference.class);
    }

    private void prefetch(Set<UUID> ids, Class<?> entity) {
        if (ids != null && !ids.isEmpty()) {
            em.createQuery("SELECT e FROM " + entity.getSimpleName() + " e WHERE e.id IN :ids", entity)
                    .setParameter("ids", ids).getResultList();
        }
    }

    /**
     * Applies one change event; returns the windows to re-solve (none when the event was stale or irrelevant). A
     * malformed event throws before changing anything, so the batch's transaction goes on without it.
     */
    @Transactional(value = TxType.MANDATORY, dontRollbackOn = InvalidMessageException.class)
    public Set<PlanningWindow> apply(String type, JsonNode data, Batch batch) {
        return switch (type) {
            case EventTypes.CLINICIAN -> clinician(data, batch);
            case EventTypes.CREDENTIAL -> credential(data, batch);
            case EventTypes.ACTIVITY -> activity(data);
            case EventTypes.ABSENCE -> absence(data, batch);
            case EventTypes.DAY_PREFERENCE -> preference(data, batch);
            case EventTypes.PROCEDURE -> Set.of();
            default -> throw new InvalidMessageException("Unknown event type '" + type + "'");
        };
    }

    private Set<PlanningWindow> clinician(JsonNode data, Batch batch) {
        UUID id = Json.uuid(data, "id");
        long version = Json.version(data);
        BigDecimal fte = Json.decimal(data, "fte");
        KnownClinician clinician = em.find(KnownClinician.class, id);
        if (clinician != null && clinician.version >= version) {
            return Set.of();
        }
        Set<String> departments = new LinkedHashSet<>();
        if (clinician == null) {
            clinician = new KnownClinician();
            clinician.id = id;
        } else {
            departments.addAll(clinician.departmentList());
        }
        List<String> newDepartments = new ArrayList<>();
        data.path("departments").forEach(department -> newDepartments.add(department.asText()));
        departments.addAll(newDepartments);
        clinician.externalId = Json.text(data, "externalId");
        clinician.displayName = Json.text(data, "displayName");
        clinician.departments = String.join(",", newDepartments);
        clinician.fte = fte;
        clinician.maxMinutesPerWeek = Json.integer(data, "maxMinutesPerWeek");
        clinician.active = data.path("active").asBoolean(true);
        clinician.version = version;
        em.persist(clinician);
        return activityWindows(batch, departments, null, horizon(), null);
    }

    private Set<PlanningWindow> credential(JsonNode data, Batch batch) {
        UUID id = Json.uuid(data, "id");
        long version = Json.version(data);
        KnownCredential incoming = new KnownCredential();
        incoming.clinicianId = Json.uuid(data, "clinicianId");
        incoming.procedureCode = Json.required(data, "procedureCode").asText();
        incoming.level = Json.enumValue(data, "level", CredentialLevel.class);
        incoming.validFrom = Json.date(data, "validFrom");
        incoming.validUntil = Json.optionalDate(data, "validUntil");
        incoming.status = Json.enumValue(data, "status", CredentialStatus.class);
        incoming.maxPerWeek = Json.integer(data, "maxPerWeek");
        KnownCredential credential = em.find(KnownCredential.class, id);
        if (credential != null && credential.version >= version) {
            return Set.of();
        }
        if (credential == null) {
            credential = new KnownCredential();
            credential.id = id;
        }
        credential.clinicianId = incoming.clinicianId;
        credential.procedureCode = incoming.procedureCode;
        credential.level = incoming.level;
        credential.validFrom = incoming.validFrom;
        credential.validUntil = incoming.validUntil;
        credential.status = incoming.status;
        credential.maxPerWeek = incoming.maxPerWeek;
        credential.version = version;
        em.persist(credential);
        KnownClinician holder = em.find(KnownClinician.class, credential.clinicianId);
        if (holder == null) {
            return Set.of(); // the holder's own event will dirty its windows
        }
        Set<PlanningWindow> dirty = activityWindows(batch, holder.departmentList(), credential.procedureCode, horizon(),
                null);
        dirty.addAll(windowsWhereAssigned(holder.id));
        return dirty;
    }

    private Set<PlanningWindow> activity(JsonNode data) {
        UUID id = Json.uuid(data, "id");
        long version = Json.version(data);
        String department = Json.required(data, "department").asText();
        Instant start = Json.instant(data, "start");
        Instant end = Json.instant(data, "end");
        CredentialLevel minimumLevel = data.hasNonNull("minimumLevel")
                ? Json.enumValue(data, "minimumLevel", CredentialLevel.class) : CredentialLevel.QUALIFIED;
        KnownActivity activity = em.find(KnownActivity.class, id);
        if (activity != null && activity.version >= version) {
            return Set.of();
        }
        Set<PlanningWindow> dirty = new HashSet<>();
        if (activity == null) {
            activity = new KnownActivity();
            activity.id = id;
        } else {
            dirty.add(PlanningWindow.containing(activity.department, activity.start, zone));
        }
        activity.department = department;
        activity.title = Json.text(data, "title");
        activity.location = Json.text(data, "location");
        activity.start = start;
        activity.end = end;
        activity.procedureCode = Json.text(data, "procedureCode");
        activity.requiredClinicians = data.path("requiredClinicians").asInt(1);
        activity.minimumLevel = minimumLevel;
        activity.status = data.path("status").asText(KnownActivity.SCHEDULED);
        activity.version = version;
        em.persist(activity);
        dirty.add(PlanningWindow.containing(activity.department, activity.start, zone));
        return current(dirty);
    }

    private Set<PlanningWindow> absence(JsonNode data, Batch batch) {
        UUID id = Json.uuid(data, "id");
        long version = Json.version(data);
        UUID clinicianId = Json.uuid(data, "clinicianId");
        Instant absentFrom = Json.instant(data, "from");
        Instant absentUntil = Json.instant(data, "until");
        KnownAbsence absence = em.find(KnownAbsence.class, id);
        if (absence != null && absence.version >= version) {
            return Set.of();
        }
        Instant previousFrom = absence == null ? null : absence.from;
        Instant previousUntil = absence == null ? null : absence.until;
        if (absence == null) {
            absence = new KnownAbsence();
            absence.id = id;
        }
        absence.clinicianId = clinicianId;
        absence.from = absentFrom;
        absence.until = absentUntil;
        absence.removed = Json.removed(data);
        absence.version = version;
        em.persist(absence);
        Instant from = previousFrom == null || absence.from.isBefore(previousFrom) ? absence.from : previousFrom;
        Instant until = previousUntil == null || absence.until.isAfter(previousUntil) ? absence.until : previousUntil;
        return windowsOfClinicianBetween(batch, absence.clinicianId, from, until);
    }

    private Set<PlanningWindow> preference(JsonNode data, Batch batch) {
        UUID id = Json.uuid(data, "id");
        long version = Json.version(data);
        UUID clinicianId = Json.uuid(data, "clinicianId");
        LocalDate day = Json.date(data, "date");
        String kind = Json.enumValue(data, "kind", PreferenceKind.class).name();
        KnownPreference preference = em.find(KnownPreference.class, id);
        if (preference != null && preference.version >= version) {
            return Set.of();
        }
        LocalDate previousDay = preference == null ? null : preference.day;
        if (preference == null) {
            preference = new KnownPreference();
            preference.id = id;
        }
        preference.clinicianId = clinicianId;
        preference.day = day;
        preference.kind = kind;
        preference.removed = Json.removed(data);
        preference.version = version;
        em.persist(preference);
        Set<PlanningWindow> dirty = windowsOfClinicianOn(batch, preference.clinicianId, preference.day);
        if (previousDay != null && !previousDay.equals(preference.day)) {
            dirty.addAll(windowsOfClinicianOn(batch, preference.clinicianId, previousDay));
        }
        return dirty;
    }

    private Set<PlanningWindow> windowsOfClinicianOn(Batch batch, UUID clinicianId, LocalDate day) {
        return windowsOfClinicianBetween(batch, clinicianId, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private Set<PlanningWindow> windowsOfClinicianBetween(Batch batch, UUID clinicianId, Instant from, Instant until) {
        KnownClinician clinician = em.find(KnownClinician.class, clinicianId);
        if (clinician == null) {
            return new HashSet<>();
        }
        Instant start = from.isBefore(horizon()) ? horizon() : from;
        return activityWindows(batch, clinician.departmentList(), null, start, until);
    }

    private Set<PlanningWindow> windowsWhereAssigned(UUID clinicianId) {
        List<String> windowIds = em.createQuery("SELECT DISTINCT a.windowId FROM CurrentAssignment a"
                + " WHERE a.clinicianId = :clinician AND a.end > :horizon", String.class)
                .setParameter("clinician", clinicianId).setParameter("horizon", horizon()).getResultList();
        Set<PlanningWindow> windows = new HashSet<>();
        windowIds.forEach(id -> windows.add(PlanningWindow.parse(id)));
        return windows;
    }

    /** Windows of scheduled activities of these departments from {@code from}, remembered for the batch. */
    private Set<PlanningWindow> activityWindows(Batch batch, Collection<String> departments, String procedureCode,
            Instant from, Instant until) {
        String key = departments + "|" + procedureCode + "|" + from + "|" + until;
        Set<PlanningWindow> found = batch.windowLookups.computeIfAbsent(key,
                missing -> windows(readModel.scheduledActivityStarts(departments, procedureCode, from, until)));
        return new HashSet<>(found);
    }

    private Set<PlanningWindow> windows(List<Object[]> departmentAndStart) {
        Set<PlanningWindow> windows = new HashSet<>();
        for (Object[] row : departmentAndStart) {
            windows.add(PlanningWindow.containing((String) row[0], (Instant) row[1], zone));
        }
        return windows;
    }

    /** Past weeks are history: changes never re-plan them (an explicit solve request still can). */
    private Set<PlanningWindow> current(Set<PlanningWindow> windows) {
        LocalDate thisWeek = LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        windows.removeIf(window -> window.weekStart().isBefore(thisWeek));
        return windows;
    }

    private Instant horizon() {
        return LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone)
                .toInstant();
    }
}
