package org.rota.solver.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.repository.ReadModelRepository;

/**
 * How large a window's model would be, estimated from SQL counts before anything is loaded. The eligible pairs are an
 * upper bound: an activity with a procedure counts the active clinicians holding an active credential for it (dates,
 * levels and absences are left to the eligibility check), one without counts every active clinician.
 */
public record WindowSize(long activities, long clinicians, long eligiblePairs) {

    public static WindowSize of(PlanningWindow window, ZoneId zone, ReadModelRepository readModel) {
        Instant from = window.from(zone);
        Instant to = window.to(zone);
        Map<String, Long> activitiesByProcedure = readModel.countScheduledActivitiesByProcedure(window.department(),
                from, to);
        long activities = activitiesByProcedure.values().stream().mapToLong(Long::longValue).sum();
        if (activities == 0) {
            return new WindowSize(0, 0, 0); // nothing to staff: the clinicians are not needed
        }
        Set<String> procedures = new HashSet<>(activitiesByProcedure.keySet());
        procedures.remove(null);
        Map<String, Long> holders = readModel.countActiveHoldersByProcedure(window.department(), procedures);
        long anyone = activitiesByProcedure.containsKey(null) ? readModel.countClinicians(window.department(), true) : 0;
        long pairs = 0;
        for (Map.Entry<String, Long> group : activitiesByProcedure.entrySet()) {
            long candidates = group.getKey() == null ? anyone : holders.getOrDefault(group.getKey(), 0L);
            pairs += group.getValue() * candidates;
        }
        return new WindowSize(activities, readModel.countClinicians(window.department(), false), pairs);
    }

    @Override
    public String toString() {
        return activities + " activities, " + clinicians + " clinicians, " + eligiblePairs + " eligible pairs";
    }
}
