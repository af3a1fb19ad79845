package org.rota.solver.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.rota.events.CoverageChangedEvent;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.outbox.SolverEvents;
import org.rota.solver.repository.CoverageRepository;
import org.rota.solver.service.CoverageQueries.AtRiskActivity;

/**
 * Announces when a planning window's set of activities at risk changes: judged again after each solve of the window
 * (which every read-model change of the window leads to), compared with the set kept from last time, and published
 * through the outbox in the same transaction as the new set; nothing when it is unchanged.
 */
@ApplicationScoped
public class CoverageWatch {

    private final CoverageQueries coverage;
    private final CoverageRepository repository;
    private final SolverEvents events;

    CoverageWatch(CoverageQueries coverage, CoverageRepository repository, SolverEvents events) {
        this.coverage = coverage;
        this.repository = repository;
        this.events = events;
    }

    @Transactional(TxType.MANDATORY)
    public void judge(PlanningWindow window) {
        List<AtRiskActivity> atRisk = coverage.atRisk(window);
        Map<UUID, String> now = new HashMap<>();
        atRisk.forEach(a -> now.put(a.activityId(), a.risk().name()));
        Map<UUID, String> before = repository.atRisk(window.id());
        if (now.equals(before)) {
            return;
        }
        List<CoverageChangedEvent.Entry> entered = atRisk.stream()
                .filter(a -> !a.risk().name().equals(before.get(a.activityId())))
                .map(a -> new CoverageChangedEvent.Entry(a.activityId(), a.risk().name(), a.start(), a.procedureCode(),
                        a.seats(), a.eligible()))
                .toList();
        List<UUID> left = new ArrayList<>(before.keySet().stream().filter(id -> !now.containsKey(id)).toList());
        left.sort(Comparator.comparing(UUID::toString));
        repository.replace(window.id(), now);
        events.coverageChanged(new CoverageChangedEvent(window.id(), window.department(), window.weekStart(), entered,
                left, now.size(), Instant.now()));
    }
}
