package org.rota.solver.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.rota.events.AllocationEvent;
import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.events.AllocationEvent.UnfilledEntry;
import org.rota.events.CredentialStatus;
import org.rota.platform.problem.ProblemException;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.KnownActivity;
import org.rota.solver.domain.KnownClinician;
import org.rota.solver.domain.KnownCredential;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.repository.PinRepository;
import org.rota.solver.repository.ReadModelRepository;

/**
 * Answers "who staffs this activity, and why not the others?": the current assignment, the unfilled seats with their
 * reason, the pins, and for every clinician of the department whether they could serve and, if not, why.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ActivityExplainer {

    private final PinRepository pins;
    private final ReadModelRepository readModel;
    private final AllocationQueries allocations;
    private final ZoneId zone;

    ActivityExplainer(PinRepository pins, ReadModelRepository readModel, AllocationQueries allocations,
            SolverConfig config) {
        this.pins = pins;
        this.readModel = readModel;
        this.allocations = allocations;
        this.zone = config.zone();
    }

    public record ActivityAllocation(UUID activityId, String department, String title, String location,
            String procedureCode, String minimumLevel, int requiredClinicians, String status, java.time.Instant start,
            java.time.Instant end, String windowId, Long allocationVersion, List<AssignmentEntry> assignments,
            List<UnfilledEntry> unfilled, List<UUID> pinnedClinicians, List<Candidate> candidates) {
    }

    /** One clinician of the department: ASSIGNED, ELIGIBLE (could serve, not chosen) or why not. */
    public record Candidate(UUID clinicianId, String displayName, String verdict, String level) {
    }

    public ActivityAllocation explain(UUID activityId) {
        KnownActivity activity = readModel.activity(activityId);
        if (activity == null) {
            throw ProblemException.notFound("Activity", activityId);
        }
        PlanningWindow window = PlanningWindow.containing(activity.department, activity.start, zone);
        AllocationEvent allocation = allocations.latestAllocation(window).orElse(null);
        List<AssignmentEntry> assigned = allocation == null ? List.of()
                : allocation.assignments().stream().filter(a -> a.activityId().equals(activityId)).toList();
        List<UnfilledEntry> unfilled = allocation == null ? List.of()
                : allocation.unfilled().stream().filter(u -> u.activityId().equals(activityId)).toList();
        List<UUID> pinned = pins.list(activityId).stream().map(p -> p.clinicianId).toList();
        Set<UUID> assignedIds = assigned.stream().map(AssignmentEntry::clinicianId).collect(Collectors.toSet());

        List<KnownClinician> clinicians = readModel.cliniciansOf(activity.department);
        List<KnownCredential> credentials = readModel.credentialsOf(activity.department);
        List<Candidate> candidates = new ArrayList<>();
        for (KnownClinician clinician : clinicians) {
            List<KnownCredential> held = credentials.stream()
                    .filter(c -> c.clinicianId.equals(clinician.id) && c.procedureCode.equals(activity.procedureCode))
                    .toList();
            KnownCredential valid = held.stream().filter(c -> validFor(c, activity)).findFirst().orElse(null);
            String verdict = verdict(activity, clinician, held, valid, assignedIds.contains(clinician.id));
            candidates.add(new Candidate(clinician.id, clinician.displayName, verdict,
                    valid == null ? null : valid.level.name()));
        }
        candidates.sort(Comparator.comparing(Candidate::verdict).thenComparing(c -> String.valueOf(c.displayName())));
        return new ActivityAllocation(activity.id, activity.department, activity.title, activity.location,
                activity.procedureCode, activity.minimumLevel.name(), activity.requiredClinicians, activity.status,
                activity.start, activity.end, window.id(), allocation == null ? null : allocation.version(), assigned,
                unfilled, pinned, candidates);
    }

    private String verdict(KnownActivity activity, KnownClinician clinician, List<KnownCredential> held,
            KnownCredential valid, boolean assigned) {
        if (assigned) {
            return "ASSIGNED";
        }
        if (!clinician.active) {
            return "INACTIVE";
        }
        if (activity.procedureCode != null) {
            if (held.isEmpty()) {
                return "NO_CREDENTIAL";
            }
            if (valid == null) {
                return "CREDENTIAL_EXPIRED_OR_SUSPENDED";
            }
            if (!valid.level.atLeast(activity.minimumLevel)) {
                return "LEVEL_TOO_LOW";
            }
        }
        boolean absent = !readModel.absencesOf(clinician.id, activity.start, activity.end).isEmpty();
        return absent ? "ABSENT" : "ELIGIBLE";
    }

    /** Validity is judged at the activity's dates, never today's. */
    private boolean validFor(KnownCredential credential, KnownActivity activity) {
        LocalDate first = activity.start.atZone(zone).toLocalDate();
        LocalDate last = activity.end.atZone(zone).toLocalDate();
        return credential.status == CredentialStatus.ACTIVE && !credential.validFrom.isAfter(first)
                && (credential.validUntil == null || !credential.validUntil.isBefore(last));
    }
}
